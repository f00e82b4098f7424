package io.qprune.formulation.evolve;

import io.qprune.formulation.model.WeightLayer;
import java.util.Arrays;
import java.util.List;

/** Weight importance helpers shared by both phases. */
final class Importance {
  private Importance() {}

  /** Indices 0..n-1 sorted by ascending score, ties by index. */
  static int[] ascending(float[] score) {
    Integer[] idx = new Integer[score.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> {
      int c = Float.compare(score[a], score[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Every weight's importance divided by its layer's mean importance, in global order: comparable
   * across layers whose weights have different scales.
   */
  static double[] layerNormalised(WeightTask task) {
    return global(task, true);
  }

  /** Every weight's importance in global order, divided by its layer's mean when {@code normalise}. */
  static double[] global(WeightTask task, boolean normalise) {
    List<WeightLayer> layers = task.layers();
    WeightLayer last = layers.get(layers.size() - 1);
    double[] out = new double[last.offset() + last.size()];
    for (WeightLayer l : layers) {
      float[] imp = task.importance(l.index());
      double mean = 0;
      for (float v : imp) {
        mean += v;
      }
      mean = normalise ? Math.max(mean / imp.length, 1e-30) : 1;
      for (int i = 0; i < imp.length; i++) {
        out[l.offset() + i] = imp[i] / mean;
      }
    }
    return out;
  }
}
