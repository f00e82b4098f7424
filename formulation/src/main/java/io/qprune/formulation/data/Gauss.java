package io.qprune.formulation.data;

import java.util.SplittableRandom;

/** Standard normal and Poisson variates from a {@link SplittableRandom}, so noise is seeded. */
final class Gauss {
  private Gauss() {}

  /** One standard normal variate (Marsaglia polar method; the spare is dropped for simplicity). */
  static double next(SplittableRandom rng) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }

  /** One Poisson(lambda) variate: Knuth's product method below 30, Hormann's PTRS above. */
  static long poisson(double lambda, SplittableRandom rng) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda < 30) {
      double limit = Math.exp(-lambda);
      double p = rng.nextDouble();
      long k = 0;
      while (p > limit) {
        p *= rng.nextDouble();
        k++;
      }
      return k;
    }
    double slam = Math.sqrt(lambda);
    double loglam = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      double lhs = Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b);
      double rhs = -lambda + k * loglam - logFactorial(k);
      if (lhs <= rhs) {
        return k;
      }
    }
  }

  private static double logFactorial(long k) {
    if (k < 2) {
      return 0;
    }
    double x = k + 1.0;
    // Stirling series for log Gamma(x); error below 1e-5 for k >= 2, ample for rejection
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x)
        - 1 / (360 * x * x * x);
  }
}
