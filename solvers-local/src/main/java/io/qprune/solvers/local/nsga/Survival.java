package io.qprune.solvers.local.nsga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * NSGA-II's environmental selection: after dropping repeated objective vectors (SparseEA's rule,
 * first occurrence kept), whole fronts in order, the last one cut to the largest crowding distances.
 */
final class Survival {
  private Survival() {}

  /** The indices into {@code f} of at most {@code n} survivors, best fronts first. */
  static int[] select(List<double[]> f, int n) {
    int[] distinct = distinct(f);
    List<double[]> sub = new ArrayList<>(distinct.length);
    for (int i : distinct) {
      sub.add(f.get(i));
    }
    int[] out = new int[Math.min(n, distinct.length)];
    int filled = 0;
    for (int[] front : NonDominatedSort.fronts(sub)) {
      if (filled == out.length) {
        break;
      }
      int[] keep = front;
      if (filled + front.length > out.length) {
        double[] d = Crowding.distances(sub, front);
        keep = IntStream.range(0, front.length).boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -d[i]).thenComparingInt(i -> i))
            .limit(out.length - filled).mapToInt(i -> front[i]).toArray();
      }
      for (int i : keep) {
        out[filled++] = distinct[i];
      }
    }
    return out;
  }

  /** The indices of the first occurrence of each distinct objective vector, ascending. */
  static int[] distinct(List<double[]> f) {
    Set<List<Double>> seen = new HashSet<>();
    return IntStream.range(0, f.size())
        .filter(i -> seen.add(Arrays.stream(f.get(i)).boxed().toList())).toArray();
  }
}
