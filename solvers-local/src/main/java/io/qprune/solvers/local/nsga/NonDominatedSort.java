package io.qprune.solvers.local.nsga;

import java.util.ArrayList;
import java.util.List;

/** Deb's fast non-dominated sort: splits objective vectors (all minimised) into Pareto fronts. */
final class NonDominatedSort {
  private NonDominatedSort() {}

  /** Whether a is no worse than b in every objective and better in at least one. */
  static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      better |= a[k] < b[k];
    }
    return better;
  }

  /** The fronts in order, each as ascending indices into {@code f}; equal vectors share a front. */
  static List<int[]> fronts(List<double[]> f) {
    int n = f.size();
    List<List<Integer>> dominated = new ArrayList<>(n);
    int[] dominators = new int[n];
    List<Integer> current = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      dominated.add(new ArrayList<>());
    }
    for (int p = 0; p < n; p++) {
      for (int q = p + 1; q < n; q++) {
        if (dominates(f.get(p), f.get(q))) {
          dominated.get(p).add(q);
          dominators[q]++;
        } else if (dominates(f.get(q), f.get(p))) {
          dominated.get(q).add(p);
          dominators[p]++;
        }
      }
    }
    for (int p = 0; p < n; p++) {
      if (dominators[p] == 0) {
        current.add(p);
      }
    }
    List<int[]> fronts = new ArrayList<>();
    while (!current.isEmpty()) {
      fronts.add(current.stream().mapToInt(Integer::intValue).sorted().toArray());
      List<Integer> next = new ArrayList<>();
      for (int p : current) {
        for (int q : dominated.get(p)) {
          if (--dominators[q] == 0) {
            next.add(q);
          }
        }
      }
      current = next;
    }
    return fronts;
  }
}
