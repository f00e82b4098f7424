package io.qprune.formulation.capacity;

/**
 * Steepest-descent local search on the slice Σx = k: repeatedly makes the best improving swap of
 * one kept unit (whose layer stays at or above its minimum, unless the added unit is in the same
 * layer) with one pruned unit, until no swap improves or {@code maxSwaps} were made.
 */
final class SwapPolish {
  private static final double EPS = 1e-12;

  private SwapPolish() {}

  /** Polishes {@code s} in place; returns the number of swaps made. */
  static int run(LocalFields s, LayerGuards guards, int maxSwaps) {
    int n = s.size();
    int[] kept = new int[guards.numLayers()];
    for (int i = 0; i < n; i++) {
      if (s.get(i)) {
        kept[guards.layerOf(i)]++;
      }
    }
    int swaps = 0;
    while (swaps < maxSwaps) {
      double best = -EPS * Math.max(1, Math.abs(s.energy()));
      int bestOff = -1;
      int bestOn = -1;
      for (int off = 0; off < n; off++) {
        if (!s.get(off)) {
          continue;
        }
        int lOff = guards.layerOf(off);
        boolean atMin = kept[lOff] <= guards.minKeep(lOff);
        for (int on = 0; on < n; on++) {
          if (s.get(on) || (atMin && guards.layerOf(on) != lOff)) {
            continue;
          }
          double d = s.swapDelta(off, on);
          if (d < best) {
            best = d;
            bestOff = off;
            bestOn = on;
          }
        }
      }
      if (bestOff < 0) {
        break;
      }
      s.flip(bestOff);
      s.flip(bestOn);
      kept[guards.layerOf(bestOff)]--;
      kept[guards.layerOf(bestOn)]++;
      swaps++;
    }
    return swaps;
  }
}
