package io.qprune.formulation.capacity;

import java.util.Map;

/**
 * One solver call of a capacity search: the offset μ used, how many units the solver kept, and
 * what the solver reported about the call (its {@code SolveInfo} properties; empty when none).
 */
public record SearchStep(double mu, int kept, Map<String, Object> solverInfo) {
  public SearchStep {
    solverInfo = solverInfo == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(solverInfo));
  }

  /** A step without solver info. */
  public SearchStep(double mu, int kept) {
    this(mu, kept, Map.of());
  }
}
