package io.qprune.api.blackbox;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Fronts of two minimised objectives: the non-dominated subset and the hypervolume. */
public final class Pareto2d {
  private Pareto2d() {}

  /**
   * The indices of the points no other point dominates (no worse in both, better in one), sorted by
   * f1 then f2; of several equal points only the first is kept.
   */
  public static int[] nonDominated(List<double[]> points) {
    Integer[] order = new Integer[points.size()];
    for (int i = 0; i < order.length; i++) {
      double[] p = points.get(i);
      if (p.length != 2 || Double.isNaN(p[0]) || Double.isNaN(p[1])) {
        throw new InvalidInputException("A 2-objective front needs points of 2 numbers, got " + Arrays.toString(p));
      }
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> points.get(i)[0])
        .thenComparingDouble(i -> points.get(i)[1]).thenComparingInt(i -> i));
    List<Integer> out = new ArrayList<>();
    double lowest = Double.POSITIVE_INFINITY;
    for (int i : order) {
      if (points.get(i)[1] < lowest) {
        out.add(i);
        lowest = points.get(i)[1];
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The area dominated by {@code points} and bounded by {@code reference}: the non-dominated points
   * strictly better than the reference in both objectives, sorted by f1, sum (f1_{i+1} − f1_i)(r2 −
   * f2_i) with f1_{n+1} = r1; points not strictly inside the reference box add nothing.
   */
  public static double hypervolume(List<double[]> points, double[] reference) {
    if (reference.length != 2) {
      throw new InvalidInputException("A 2-D hypervolume needs a reference point of 2 values, got "
          + reference.length);
    }
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      if (p.length != 2 || Double.isNaN(p[0]) || Double.isNaN(p[1])) {
        throw new InvalidInputException("A 2-D hypervolume needs points of 2 numbers, got " + Arrays.toString(p));
      }
      if (p[0] < reference[0] && p[1] < reference[1]) {
        inside.add(p);
      }
    }
    double hv = 0;
    int[] front = nonDominated(inside);
    for (int k = 0; k < front.length; k++) {
      double[] p = inside.get(front[k]);
      double next = k + 1 < front.length ? inside.get(front[k + 1])[0] : reference[0];
      hv += (next - p[0]) * (reference[1] - p[1]);
    }
    return hv;
  }
}
