package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/**
 * Simulated binary crossover (Deb & Agrawal 1995) in its bounded form from the NSGA-II reference
 * code: each gene is crossed with probability 0.5, children stay within the bounds.
 */
final class Sbx {
  private static final double EPS = 1e-14;
  private final double[] lower;
  private final double[] upper;
  private final double eta;

  Sbx(double[] lower, double[] upper, double eta) {
    this.lower = lower;
    this.upper = upper;
    this.eta = eta;
  }

  /** Two children of a and b (new arrays). */
  double[][] cross(double[] a, double[] b, SplittableRandom rng) {
    double[] c1 = a.clone();
    double[] c2 = b.clone();
    for (int i = 0; i < a.length; i++) {
      if (rng.nextDouble() > 0.5 || Math.abs(a[i] - b[i]) <= EPS) {
        continue;
      }
      double y1 = Math.min(a[i], b[i]);
      double y2 = Math.max(a[i], b[i]);
      double u = rng.nextDouble();
      double low = 0.5 * ((y1 + y2) - spread(1.0 + 2.0 * (y1 - lower[i]) / (y2 - y1), u) * (y2 - y1));
      double high = 0.5 * ((y1 + y2) + spread(1.0 + 2.0 * (upper[i] - y2) / (y2 - y1), u) * (y2 - y1));
      low = clamp(low, lower[i], upper[i]);
      high = clamp(high, lower[i], upper[i]);
      boolean swap = rng.nextDouble() <= 0.5;
      c1[i] = swap ? high : low;
      c2[i] = swap ? low : high;
    }
    return new double[][] {c1, c2};
  }

  /** The spread factor beta_q for a bound distance {@code beta} and a uniform draw {@code u}. */
  private double spread(double beta, double u) {
    double alpha = 2.0 - Math.pow(beta, -(eta + 1.0));
    return u <= 1.0 / alpha ? Math.pow(u * alpha, 1.0 / (eta + 1.0))
        : Math.pow(1.0 / (2.0 - u * alpha), 1.0 / (eta + 1.0));
  }

  static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
