package io.qprune.formulation.capacity;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.importance.UnitLayout;

/**
 * Per-layer limits every selected mask must respect: keep at least {@code minUnits} of each
 * layer's units, and prune at most the fraction {@code maxPrune} of any layer. Both are lower
 * bounds on the units kept per layer, which repair and polish never cross.
 */
public final class LayerGuards {
  private final int[] layerOf;
  private final int[] minKeep;
  private final int[] size;

  private LayerGuards(int[] layerOf, int[] minKeep, int[] size) {
    this.layerOf = layerOf;
    this.minKeep = minKeep;
    this.size = size;
  }

  /** Guards over {@code layout}; {@code maxPrune} in [0, 1] (1: no limit). */
  public static LayerGuards of(UnitLayout layout, int minUnits, double maxPrune) {
    if (minUnits < 0) {
      throw new InvalidInputException("The minimum units kept per layer must be >= 0, got " + minUnits);
    }
    if (!(maxPrune >= 0 && maxPrune <= 1)) {
      throw new InvalidInputException(
          "The most a layer may lose must be a fraction in [0, 1], got " + maxPrune);
    }
    int layers = layout.numLayers();
    int[] min = new int[layers];
    int[] size = new int[layers];
    for (int l = 0; l < layers; l++) {
      size[l] = layout.layerSize(l);
      int byFraction = size[l] - (int) Math.floor(maxPrune * size[l] + 1e-9);
      min[l] = Math.min(size[l], Math.max(minUnits, byFraction));
    }
    return new LayerGuards(layout.layerOfUnits(), min, size);
  }

  /** No limits at all (one group holding every unit). */
  public static LayerGuards none(int n) {
    return new LayerGuards(new int[n], new int[] {0}, new int[] {n});
  }

  public int numUnits() {
    return layerOf.length;
  }

  public int numLayers() {
    return minKeep.length;
  }

  public int layerOf(int unit) {
    return layerOf[unit];
  }

  /** The fewest units layer l may keep. */
  public int minKeep(int l) {
    return minKeep[l];
  }

  /** The fewest units any mask may keep in total. */
  public int minTotal() {
    int s = 0;
    for (int m : minKeep) {
      s += m;
    }
    return s;
  }

  /** Throws when keeping exactly k units cannot satisfy the guards. */
  public void checkFeasible(int k) {
    if (k < minTotal()) {
      throw new InvalidInputException("Keeping " + k + " units is below what the per-layer limits"
          + " require (" + minTotal() + " units). Maybe lower the sparsity, or relax"
          + " min_units_per_layer / max_layer_prune.");
    }
    if (k > numUnits()) {
      throw new InvalidInputException("Cannot keep " + k + " of " + numUnits() + " units");
    }
  }

  /** Units kept per layer under {@code keep}. */
  public int[] keptPerLayer(boolean[] keep) {
    int[] c = new int[minKeep.length];
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        c[layerOf[i]]++;
      }
    }
    return c;
  }

  /** Whether {@code keep} respects every layer's minimum. */
  public boolean satisfiedBy(boolean[] keep) {
    int[] c = keptPerLayer(keep);
    for (int l = 0; l < c.length; l++) {
      if (c[l] < minKeep[l]) {
        return false;
      }
    }
    return true;
  }
}
