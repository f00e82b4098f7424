package io.qprune.formulation.prune;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** Which formulation selects the units to keep; all share scores, guards and exact-k handling. */
public enum Method {
  /** −Σ (αT̂ + (1−α)F̂) x + β Σ_same layer S x x, exact k by the capacity search. */
  HYBRID("hybrid"),
  /** The hybrid importance without the redundancy term (β = 0). */
  LINEAR("linear"),
  /** −Σ L̂1 x + A(Σx − k)², the older penalty formulation. */
  L1_QUBO("l1-qubo"),
  /** Greedy Taylor: the k units of highest T̂ (under a budget: pruned lowest-first until it fits). */
  TAYLOR("taylor"),
  /** Greedy L1 of the filters (Li et al.), ranked like {@link #TAYLOR}. */
  L1("l1"),
  /** Greedy Fisher (linear importance F̂), ranked like {@link #TAYLOR}. */
  FISHER("fisher"),
  /** HALP-style: Taylor importance, per-unit marginal cost, exact 0/1 knapsack (budgets only). */
  HALP("halp");

  private final String id;

  Method(String id) {
    this.id = id;
  }

  /** Parses hybrid, linear, l1-qubo, taylor, l1, fisher or halp. */
  public static Method parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Method m : values()) {
      if (m.id.equals(t)) {
        return m;
      }
    }
    throw new InvalidInputException(
        "Unknown method '" + text + "'. Maybe use hybrid, linear, l1-qubo, taylor, l1, fisher or halp.");
  }

  /** Whether the method solves a QUBO (the greedy rankings and the knapsack do not). */
  public boolean usesSolver() {
    return this == HYBRID || this == LINEAR || this == L1_QUBO;
  }

  @Override
  public String toString() {
    return id;
  }
}
