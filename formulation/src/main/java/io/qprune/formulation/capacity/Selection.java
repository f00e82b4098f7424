package io.qprune.formulation.capacity;

import io.qprune.formulation.model.Mask;
import java.util.List;

/**
 * The outcome of selecting exactly k units: the mask, its energy under the original model, how
 * it was reached (mode, solver calls and their μ/count, whether a solver call itself returned
 * exactly k, repair flips, polish swaps) and the wall time.
 */
public record Selection(Mask mask, double energy, ExactK mode, List<SearchStep> steps,
    boolean solverHitK, int repairFlips, int polishSwaps, double seconds) {
  public Selection {
    steps = List.copyOf(steps);
  }
}
