package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.SplittableRandom;

/** Additive white Gaussian noise with standard deviation {@code sigma} (0–255 units), unclipped. */
public record GaussianNoise(double sigma) implements Noise {
  public GaussianNoise {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new InvalidInputException("Noise sigma must be a finite value >= 0, got " + sigma);
    }
  }

  @Override
  public Image apply(Image clean, SplittableRandom rng) {
    float[] px = clean.pixels();
    for (int i = 0; i < px.length; i++) {
      px[i] += (float) (sigma * Gauss.next(rng));
    }
    return Image.wrap(clean.channels(), clean.height(), clean.width(), px);
  }

  @Override
  public String describe() {
    return "gaussian(sigma=" + sigma + ")";
  }
}
