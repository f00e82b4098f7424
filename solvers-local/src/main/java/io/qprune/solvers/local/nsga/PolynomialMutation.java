package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/** Deb's bounded polynomial mutation: each gene moves with probability p, staying within its bounds. */
final class PolynomialMutation {
  private final double[] lower;
  private final double[] upper;
  private final double eta;
  private final double probability;

  PolynomialMutation(double[] lower, double[] upper, double eta, double probability) {
    this.lower = lower;
    this.upper = upper;
    this.eta = eta;
    this.probability = probability;
  }

  /** Mutates x in place. */
  void mutate(double[] x, SplittableRandom rng) {
    double pow = 1.0 / (eta + 1.0);
    for (int i = 0; i < x.length; i++) {
      if (rng.nextDouble() >= probability || lower[i] == upper[i]) {
        continue;
      }
      double range = upper[i] - lower[i];
      double d1 = (x[i] - lower[i]) / range;
      double d2 = (upper[i] - x[i]) / range;
      double u = rng.nextDouble();
      double dq;
      if (u <= 0.5) {
        double v = 2.0 * u + (1.0 - 2.0 * u) * Math.pow(1.0 - d1, eta + 1.0);
        dq = Math.pow(v, pow) - 1.0;
      } else {
        double v = 2.0 * (1.0 - u) + 2.0 * (u - 0.5) * Math.pow(1.0 - d2, eta + 1.0);
        dq = 1.0 - Math.pow(v, pow);
      }
      x[i] = Sbx.clamp(x[i] + dq * range, lower[i], upper[i]);
    }
  }
}
