package io.qprune.api.blackbox;

/**
 * A configured multi-objective optimiser; one instance may run several problems, one at a time.
 * It takes budget, seed, cancellation and checkpoints from a {@link BlackBoxRun}; the run's
 * listener receives, after each generation, the generation (0 for the initial population), the
 * distinct genomes evaluated and the hypervolume of the current front (NaN without a reference).
 */
public interface MultiObjectiveOptimizer {
  /** Approximates the Pareto set of {@code objectives} over {@code problem}. */
  <G> ParetoResult<G> minimise(MultiObjectiveProblem<G> problem, MultiObjective<G> objectives, BlackBoxRun run);
}
