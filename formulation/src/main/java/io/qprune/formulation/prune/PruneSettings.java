package io.qprune.formulation.prune;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.capacity.CapacityOptions;
import io.qprune.formulation.capacity.LayerGuards;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.importance.Normalisation;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.qubo.HybridQubo;

/**
 * The choices of one selection: method, target sparsity, α (Taylor vs Fisher), β and the form of
 * the redundancy term,
 * score normalisation, per-layer guards and the exact-k options; and the compute budget that
 * replaces the unit count when given (null: exactly k units).
 */
public record PruneSettings(Method method, double sparsity, double alpha, double beta,
    HybridQubo.Redundancy redundancy, Normalisation normalisation, int minUnitsPerLayer,
    double maxLayerPrune, CapacityOptions capacity, Budget budget) {

  public PruneSettings {
    if (method == null || redundancy == null || normalisation == null || capacity == null) {
      throw new InvalidInputException("method, normalisation and capacity options must be given");
    }
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new InvalidInputException("Sparsity must be in [0, 1), got " + sparsity);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new InvalidInputException("alpha must be in [0, 1], got " + alpha);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new InvalidInputException("beta must be a finite value >= 0, got " + beta);
    }
  }

  /** Settings selecting exactly k units (no budget). */
  public PruneSettings(Method method, double sparsity, double alpha, double beta,
      HybridQubo.Redundancy redundancy, Normalisation normalisation, int minUnitsPerLayer,
      double maxLayerPrune, CapacityOptions capacity) {
    this(method, sparsity, alpha, beta, redundancy, normalisation, minUnitsPerLayer, maxLayerPrune,
        capacity, null);
  }

  /** The same settings under {@code b} (null: back to the unit count). */
  public PruneSettings withBudget(Budget b) {
    return new PruneSettings(method, sparsity, alpha, beta, redundancy, normalisation, minUnitsPerLayer,
        maxLayerPrune, capacity, b);
  }

  /** The number of units to keep out of {@code n}: round((1 − sparsity)·n), at least 1. */
  public int keep(int n) {
    return Math.max(1, (int) Math.round((1 - sparsity) * n));
  }

  public PruneSettings withMethod(Method m) {
    return new PruneSettings(m, sparsity, alpha, beta, redundancy, normalisation, minUnitsPerLayer,
        maxLayerPrune, capacity, budget);
  }

  public PruneSettings withSparsity(double s) {
    return new PruneSettings(method, s, alpha, beta, redundancy, normalisation, minUnitsPerLayer,
        maxLayerPrune, capacity, budget);
  }

  public PruneSettings withAlphaBeta(double a, double b) {
    return new PruneSettings(method, sparsity, a, b, redundancy, normalisation, minUnitsPerLayer,
        maxLayerPrune, capacity, budget);
  }

  /** The per-layer guards these settings put on a mask of {@code layout}'s units. */
  public LayerGuards guards(UnitLayout layout) {
    return LayerGuards.of(layout, minUnitsPerLayer(), maxLayerPrune());
  }
}
