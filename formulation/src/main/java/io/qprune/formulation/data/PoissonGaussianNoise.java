package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.SplittableRandom;

/**
 * A raw-sensor noise model: {@code y = gain · Poisson(x / gain) + N(0, readSigma²)} in 0–255 units,
 * so the variance is {@code gain · x + readSigma²} (signal-dependent shot noise plus read noise).
 */
public record PoissonGaussianNoise(double gain, double readSigma) implements Noise {
  public PoissonGaussianNoise {
    if (!(gain > 0) || Double.isInfinite(gain)) {
      throw new InvalidInputException("Poisson gain must be a finite value > 0, got " + gain);
    }
    if (!(readSigma >= 0) || Double.isInfinite(readSigma)) {
      throw new InvalidInputException("Read-noise sigma must be finite and >= 0, got " + readSigma);
    }
  }

  @Override
  public Image apply(Image clean, SplittableRandom rng) {
    float[] px = clean.pixels();
    for (int i = 0; i < px.length; i++) {
      double photons = Gauss.poisson(Math.max(0, px[i]) / gain, rng);
      px[i] = (float) (gain * photons + readSigma * Gauss.next(rng));
    }
    return Image.wrap(clean.channels(), clean.height(), clean.width(), px);
  }

  @Override
  public String describe() {
    return "poisson-gaussian(gain=" + gain + ", read=" + readSigma + ")";
  }
}
