package io.qprune.formulation.evolve;

import io.qprune.formulation.model.WeightLayer;
import java.util.BitSet;
import java.util.List;

/**
 * Phase 1's genome: one pruning threshold per layer, expressed as the quantile of that layer's
 * importance scores it sits at — gene q prunes the ⌊q·n⌋ least important of the layer's n weights
 * (ties broken by position), so genes share one scale whatever the layers' magnitudes.
 */
final class Thresholds {
  private final List<WeightLayer> layers;
  private final int[][] ascending;

  Thresholds(WeightTask task) {
    this.layers = task.layers();
    this.ascending = new int[layers.size()][];
    for (WeightLayer l : layers) {
      ascending[l.index()] = Importance.ascending(task.importance(l.index()));
    }
  }

  int genes() {
    return layers.size();
  }

  /** The mask a genome of per-layer quantiles stands for. */
  WeightMask decode(double[] q) {
    BitSet kept = new BitSet();
    for (WeightLayer l : layers) {
      int[] order = ascending[l.index()];
      int pruned = (int) Math.floor(Math.min(1, Math.max(0, q[l.index()])) * order.length);
      for (int k = pruned; k < order.length; k++) {
        kept.set(l.offset() + order[k]);
      }
    }
    return new WeightMask(layers, kept);
  }
}
