package io.qprune.formulation.capacity;

/**
 * Makes an assignment keep exactly k units within the layer guards, greedily: first every layer
 * below its minimum gets its cheapest additions, then units are added (or dropped, only where a
 * layer stays at or above its minimum) one at a time, each time the flip that raises the energy
 * least according to the local fields.
 */
final class Repair {
  private Repair() {}

  /** Repairs {@code s} in place; returns the number of flips made. */
  static int toExactly(LocalFields s, int k, LayerGuards guards) {
    int flips = 0;
    int[] kept = new int[guards.numLayers()];
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i)) {
        kept[guards.layerOf(i)]++;
      }
    }
    for (int l = 0; l < kept.length; l++) {
      while (kept[l] < guards.minKeep(l)) {
        int best = -1;
        for (int i = 0; i < s.size(); i++) {
          if (!s.get(i) && guards.layerOf(i) == l && (best < 0 || s.flipDelta(i) < s.flipDelta(best))) {
            best = i;
          }
        }
        s.flip(best);
        kept[l]++;
        flips++;
      }
    }
    while (s.ones() != k) {
      boolean add = s.ones() < k;
      int best = -1;
      for (int i = 0; i < s.size(); i++) {
        if (s.get(i) == add) {
          continue;
        }
        if (!add && kept[guards.layerOf(i)] <= guards.minKeep(guards.layerOf(i))) {
          continue;
        }
        if (best < 0 || s.flipDelta(i) < s.flipDelta(best)) {
          best = i;
        }
      }
      if (best < 0) {
        throw new IllegalStateException("No unit can be " + (add ? "added" : "dropped")
            + " to reach " + k + "; the guards were checked as feasible");
      }
      s.flip(best);
      kept[guards.layerOf(best)] += add ? 1 : -1;
      flips++;
    }
    return flips;
  }
}
