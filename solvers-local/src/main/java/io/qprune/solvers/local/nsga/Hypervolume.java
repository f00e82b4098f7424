package io.qprune.solvers.local.nsga;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The hypervolume of a set of 2-objective points (both minimised) w.r.t. a reference point. */
public final class Hypervolume {
  private Hypervolume() {}

  /**
   * The area dominated by {@code points} and bounded by {@code reference}: the non-dominated points
   * strictly better than the reference in both objectives, sorted by f1, sum (f1_{i+1} − f1_i)(r2 −
   * f2_i) with f1_{n+1} = r1; points not strictly inside the reference box add nothing.
   */
  public static double of2d(List<double[]> points, double[] reference) {
    if (reference.length != 2) {
      throw new InvalidInputException("A 2-D hypervolume needs a reference point of 2 values, got "
          + reference.length);
    }
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      if (p.length != 2 || Double.isNaN(p[0]) || Double.isNaN(p[1])) {
        throw new InvalidInputException("A 2-D hypervolume needs points of 2 numbers, got "
            + java.util.Arrays.toString(p));
      }
      if (p[0] < reference[0] && p[1] < reference[1]) {
        inside.add(p);
      }
    }
    inside.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    List<double[]> front = new ArrayList<>();
    double lowest = Double.POSITIVE_INFINITY;
    for (double[] p : inside) {
      if (p[1] < lowest) {
        front.add(p);
        lowest = p[1];
      }
    }
    double hv = 0;
    for (int i = 0; i < front.size(); i++) {
      double next = i + 1 < front.size() ? front.get(i + 1)[0] : reference[0];
      hv += (next - front.get(i)[0]) * (reference[1] - front.get(i)[1]);
    }
    return hv;
  }
}
