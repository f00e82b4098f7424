package io.qprune.solvers.local.nsga;

import io.qprune.api.blackbox.MultiObjective;
import io.qprune.api.blackbox.MultiObjectiveProblem;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Test problems: ZDT1 and a sparse binary toy whose error falls as important bits are kept. */
final class Problems {
  private Problems() {}

  static MultiObjectiveProblem<double[]> zdt1(int n) {
    double[] hi = new double[n];
    Arrays.fill(hi, 1);
    return MultiObjectiveProblem.real(new double[n], hi, 2).withReference(1.1, 1.1);
  }

  /** ZDT1 (Zitzler, Deb & Thiele 2000): f1 = x1, f2 = g(1 − √(x1/g)), g = 1 + 9·mean(x2..xn). */
  static MultiObjective<double[]> zdt1() {
    return genomes -> genomes.stream().map(x -> {
      double s = 0;
      for (int i = 1; i < x.length; i++) {
        s += x[i];
      }
      double g = 1 + 9 * s / (x.length - 1);
      return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }).toArray(double[][]::new);
  }

  /** Hidden value of each bit: a few large, most small (u^4). */
  static double[] values(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.pow(rng.nextDouble(), 4);
    }
    return v;
  }

  /** Scores (lower = more important) as −value blurred by ±30 % noise: informative, not exact. */
  static double[] scores(double[] values, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return Arrays.stream(values).map(v -> -v * (0.7 + 0.6 * rng.nextDouble())).toArray();
  }

  /** f1 = fraction of bits kept, f2 = share of the total value lost with the cleared bits. */
  static MultiObjective<int[]> sparse(double[] values) {
    double total = Arrays.stream(values).sum();
    return genomes -> genomes.stream().map(x -> {
      double kept = 0;
      double lost = 0;
      for (int i = 0; i < x.length; i++) {
        kept += x[i];
        lost += x[i] == 0 ? values[i] : 0;
      }
      return new double[] {kept / x.length, lost / total};
    }).toArray(double[][]::new);
  }
}
