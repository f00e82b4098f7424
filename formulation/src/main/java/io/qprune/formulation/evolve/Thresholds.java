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

  /**
   * The per-layer quantiles of one global threshold: for each k in 1..9, the genome pruning every
   * weight whose importance is below the (k/10)-quantile of all importances (capped at
   * {@code maxPrune}) — global pruning, a strong start when importances share one scale.
   */
  List<double[]> globalGenomes(double[] importance, double maxPrune) {
    double[] sorted = importance.clone();
    java.util.Arrays.sort(sorted);
    List<double[]> out = new java.util.ArrayList<>();
    for (int k = 1; k <= 9; k++) {
      double threshold = sorted[(int) (k / 10.0 * (sorted.length - 1))];
      double[] g = new double[layers.size()];
      for (WeightLayer l : layers) {
        int below = 0;
        for (int i = 0; i < l.size(); i++) {
          below += importance[l.offset() + i] < threshold ? 1 : 0;
        }
        g[l.index()] = Math.min(maxPrune, below / (double) l.size());
      }
      out.add(g);
    }
    return out;
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
