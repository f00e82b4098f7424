package io.qprune.solvers.local.protes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TensorTrainTest {

  /** Cores with entries uniform in [-1, 1), as Adam may leave them. */
  static TensorTrain mixedSigns(int d, int n, int r, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    TensorTrain t = TensorTrain.random(d, n, r, rng);
    double[] p = t.parameters();
    for (int i = 0; i < p.length; i++) {
      p[i] = 2 * p[i] - 1;
    }
    return t.with(p);
  }

  @Test
  void gradientMatchesCentralDifferences() {
    int cases = 0;
    for (int d = 4; d <= 6; d++) {
      for (int n = 2; n <= 3; n++) {
        for (int r = 2; r <= 3; r++) {
          TensorTrain t = mixedSigns(d, n, r, 100L * d + 10 * n + r);
          SplittableRandom rng = new SplittableRandom(d * n * r);
          for (int trial = 0; trial < 2; trial++) {
            int[] x = new int[d];
            for (int k = 0; k < d; k++) {
              x[k] = rng.nextInt(n);
            }
            checkGradient(t, x, -1);
            cases++;
          }
          if (n == 2) {
            int ones = d / 2;
            int[] x = new int[d];
            for (int k = 0; k < ones; k++) {
              x[(k * 2 + 1) % d] = 1;
            }
            checkGradient(t, x, ones);
            cases++;
          }
        }
      }
    }
    assertThat(cases).isGreaterThan(20);
  }

  private static void checkGradient(TensorTrain t, int[] x, int ones) {
    Gradient g = new Gradient(new Distribution(t, ones));
    g.add(x, 1.0);
    double[] analytic = g.result();
    double[] p = t.parameters();
    double h = 1e-6;
    for (int i = 0; i < p.length; i++) {
      double keep = p[i];
      p[i] = keep + h;
      double up = new Distribution(t.with(p), ones).logLikelihood(x);
      p[i] = keep - h;
      double down = new Distribution(t.with(p), ones).logLikelihood(x);
      p[i] = keep;
      double fd = (up - down) / (2 * h);
      assertThat(analytic[i]).as("d/dθ_%d of log p(x), %s, ones=%d", i, t, ones)
          .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
    }
  }

  @Test
  void probabilitiesSumToOneAndSamplesFollowThem() {
    TensorTrain t = mixedSigns(4, 3, 2, 7);
    Distribution p = new Distribution(t, -1);
    Map<String, Double> prob = new HashMap<>();
    double total = 0;
    for (int m = 0; m < 81; m++) {
      int[] x = {m % 3, m / 3 % 3, m / 9 % 3, m / 27};
      double v = Math.exp(p.logLikelihood(x));
      prob.put(PointCache.key(x), v);
      total += v;
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
    assertFrequencies(p, prob, 100_000);
  }

  @Test
  void constrainedSamplesKeepTheCountAndFollowTheRestrictedProbabilities() {
    TensorTrain t = mixedSigns(5, 2, 3, 11);
    Distribution p = new Distribution(t, 2);
    Map<String, Double> prob = new HashMap<>();
    double total = 0;
    for (int m = 0; m < 32; m++) {
      int[] x = new int[5];
      for (int k = 0; k < 5; k++) {
        x[k] = m >>> k & 1;
      }
      double lp = p.logLikelihood(x);
      if (Integer.bitCount(m) != 2) {
        assertThat(lp).isEqualTo(Double.NEGATIVE_INFINITY);
        continue;
      }
      prob.put(PointCache.key(x), Math.exp(lp));
      total += Math.exp(lp);
    }
    assertThat(prob).hasSize(10);
    assertThat(total).isCloseTo(1.0, within(1e-12));
    assertFrequencies(p, prob, 100_000);
  }

  private static void assertFrequencies(Distribution p, Map<String, Double> prob, int samples) {
    SplittableRandom rng = new SplittableRandom(3);
    Map<String, Integer> seen = new HashMap<>();
    for (int s = 0; s < samples; s++) {
      String key = PointCache.key(p.sample(rng));
      assertThat(prob).as("sampled point is in the support").containsKey(key);
      seen.merge(key, 1, Integer::sum);
    }
    for (Map.Entry<String, Double> e : prob.entrySet()) {
      double pr = e.getValue();
      double freq = seen.getOrDefault(e.getKey(), 0) / (double) samples;
      double se = Math.sqrt(pr * (1 - pr) / samples);
      assertThat(freq).as("frequency of a point of probability %f", pr).isCloseTo(pr, within(5 * se + 1e-4));
    }
  }

  @Test
  void peakedTrainPutsMostMassOnTheStart() {
    int[] start = {1, 0, 1, 1, 0, 0, 1, 0};
    TensorTrain t = TensorTrain.peaked(start, 2, 5, 0.1, 0.01, new SplittableRandom(1));
    double p = Math.exp(new Distribution(t, -1).logLikelihood(start));
    assertThat(p).isGreaterThan(0.8 * Math.pow(0.9, start.length)).isLessThan(1.0);
  }
}
