package io.qprune.solvers.local.nsga;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * NSGA-II's crowding distance within one front: per objective the front is sorted, its two ends
 * get ∞ and each inner point adds (f_{i+1} − f_{i−1}) / (f_max − f_min); an objective that is
 * constant over the front has no ends and adds 0 to every point. A front of one or two points is
 * all ends: ∞ each, as in Deb's reference code.
 */
final class Crowding {
  private Crowding() {}

  /** The distance of each member of {@code front} (indices into {@code f}), aligned with {@code front}. */
  static double[] distances(List<double[]> f, int[] front) {
    int n = front.length;
    double[] d = new double[n];
    if (n <= 2) {
      java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
      return d;
    }
    for (int k = 0; k < f.get(front[0]).length; k++) {
      final int obj = k;
      // ties keep front order, so equal inputs give equal distances run after run
      int[] order = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> f.get(front[i])[obj]).thenComparingInt(i -> i))
          .mapToInt(Integer::intValue).toArray();
      double min = f.get(front[order[0]])[k];
      double max = f.get(front[order[n - 1]])[k];
      if (max == min) {
        continue;
      }
      d[order[0]] = Double.POSITIVE_INFINITY;
      d[order[n - 1]] = Double.POSITIVE_INFINITY;
      for (int j = 1; j < n - 1; j++) {
        d[order[j]] += (f.get(front[order[j + 1]])[k] - f.get(front[order[j - 1]])[k]) / (max - min);
      }
    }
    return d;
  }
}
