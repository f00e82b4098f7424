package io.qprune.cluster.spark;

import io.qprune.api.cluster.BatchEvaluator;
import io.qprune.api.cluster.EvaluatorRecipe;
import java.util.List;
import java.util.Random;

/** A cheap test recipe: seeded random weights; each candidate's row is (w·x, number of ones). */
record WeightedSum(int length, long seed) implements EvaluatorRecipe {
  @Override
  public String id() {
    return "weighted-" + length + "-" + seed;
  }

  @Override
  public BatchEvaluator build() {
    double[] w = new Random(seed).doubles(length).toArray();
    return candidates -> {
      double[][] out = new double[candidates.size()][];
      for (int i = 0; i < out.length; i++) {
        int[] x = candidates.get(i);
        double s = 0;
        int ones = 0;
        for (int j = 0; j < x.length; j++) {
          s += w[j] * x[j];
          ones += x[j];
        }
        out[i] = new double[] {s, ones};
      }
      return out;
    };
  }

  /** {@code n} seeded random 0/1 candidates. */
  static List<int[]> candidates(int n, int length, long seed) {
    Random r = new Random(seed);
    return java.util.stream.Stream.generate(() -> r.ints(length, 0, 2).toArray()).limit(n).toList();
  }
}
