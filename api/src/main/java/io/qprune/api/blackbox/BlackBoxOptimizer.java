package io.qprune.api.blackbox;

/** A configured black-box optimiser; one instance may run several problems, one at a time. */
public interface BlackBoxOptimizer {
  /** Minimises {@code objective} over {@code problem}; never evaluates an infeasible point. */
  BlackBoxResult minimise(BlackBoxProblem problem, Objective objective, BlackBoxRun run);
}
