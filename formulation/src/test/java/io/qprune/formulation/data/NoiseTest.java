package io.qprune.formulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseTest {
  private static Image flat(int n, float v) {
    float[] px = new float[n * n];
    Arrays.fill(px, v);
    return Image.of(1, n, n, px);
  }

  private static double[] meanVar(Image noisy) {
    float[] px = noisy.pixels();
    double s = 0;
    double ss = 0;
    for (float v : px) {
      s += v;
      ss += (double) v * v;
    }
    double m = s / px.length;
    return new double[] {m, ss / px.length - m * m};
  }

  @Test
  void gaussianHasTheRequestedSigmaAndNoBias() {
    Image noisy = new GaussianNoise(25).apply(flat(200, 128), new SplittableRandom(1));
    double[] mv = meanVar(noisy);
    assertThat(mv[0]).isCloseTo(128, within(0.5));
    assertThat(Math.sqrt(mv[1])).isCloseTo(25, within(0.4));
  }

  @Test
  void sameNameAndSeedGiveTheSameNoise() {
    Image clean = flat(16, 50);
    Noise g = new GaussianNoise(25);
    assertThat(g.apply(clean, Noise.rngFor(7, "a.png")))
        .isEqualTo(g.apply(clean, Noise.rngFor(7, "a.png")))
        .isNotEqualTo(g.apply(clean, Noise.rngFor(8, "a.png")))
        .isNotEqualTo(g.apply(clean, Noise.rngFor(7, "b.png")));
  }

  @Test
  void poissonGaussianVarianceIsGainTimesSignalPlusReadVariance() {
    // small (Knuth) and large (PTRS) photon counts: x / gain = 20 and 200
    for (float x : new float[] {20, 200}) {
      Image noisy = new PoissonGaussianNoise(1.0, 3.0).apply(flat(300, x), new SplittableRandom(2));
      double[] mv = meanVar(noisy);
      assertThat(mv[0]).as("mean at %s", x).isCloseTo(x, within(0.1 + x * 0.005));
      assertThat(mv[1]).as("variance at %s", x).isCloseTo(x + 9, within(0.04 * (x + 9)));
    }
  }

  @Test
  void invalidParametersAreErrors() {
    assertThatThrownBy(() -> new GaussianNoise(-1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new GaussianNoise(Double.NaN)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new PoissonGaussianNoise(0, 1)).isInstanceOf(InvalidInputException.class);
  }
}
