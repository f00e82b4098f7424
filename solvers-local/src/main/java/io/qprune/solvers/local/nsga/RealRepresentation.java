package io.qprune.solvers.local.nsga;

import io.qprune.api.blackbox.MultiObjectiveProblem;
import java.util.SplittableRandom;

/** Real genomes within per-gene bounds; initial genes are uniform within their bounds. */
final class RealRepresentation implements Representation<double[]> {
  private final MultiObjectiveProblem<double[]> problem;

  RealRepresentation(MultiObjectiveProblem<double[]> problem) {
    this.problem = problem;
  }

  @Override
  public double[] random(SplittableRandom rng) {
    double[] x = new double[problem.length()];
    for (int i = 0; i < x.length; i++) {
      x[i] = problem.lower(i) + rng.nextDouble() * (problem.upper(i) - problem.lower(i));
    }
    return x;
  }

  @Override
  public String key(double[] x) {
    char[] c = new char[4 * x.length];
    for (int i = 0; i < x.length; i++) {
      long bits = Double.doubleToRawLongBits(x[i]);
      for (int j = 0; j < 4; j++) {
        c[4 * i + j] = (char) (bits >>> (16 * j));
      }
    }
    return new String(c);
  }

  @Override
  public double[] fromKey(String key) {
    double[] x = new double[key.length() / 4];
    for (int i = 0; i < x.length; i++) {
      long bits = 0;
      for (int j = 0; j < 4; j++) {
        bits |= (long) key.charAt(4 * i + j) << (16 * j);
      }
      x[i] = Double.longBitsToDouble(bits);
    }
    return x;
  }
}
