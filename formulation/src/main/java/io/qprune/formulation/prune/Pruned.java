package io.qprune.formulation.prune;

import io.qprune.api.Qubo;
import io.qprune.formulation.capacity.Selection;

/**
 * A selection with what produced it: the QUBO that was solved (null for the greedy rankings and
 * the knapsack; under a budget, the model with its cost term λ·cost/cost(all)), the seconds spent
 * building it, the selection itself, and under a budget λ (NaN otherwise) and the mask's cost as a
 * fraction of the unpruned network's (NaN without a budget).
 */
public record Pruned(Method method, Qubo qubo, double buildSeconds, Selection selection, double lambda,
    double costFraction) {
  /** A selection of exactly k units (no budget). */
  public Pruned(Method method, Qubo qubo, double buildSeconds, Selection selection) {
    this(method, qubo, buildSeconds, selection, Double.NaN, Double.NaN);
  }
}
