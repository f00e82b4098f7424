package io.qprune.api;

import java.util.Set;

/**
 * A configured solver: minimises a model's energy and returns samples. Instances come from
 * {@link Solvers} (or a {@link io.qprune.api.spi.SolverProvider}) with validated parameters.
 * Implementations honour the request's time limit, seed, cancellation and (when they declare
 * {@link Capability#CARDINALITY}) its cardinality constraint, and are safe to reuse.
 */
public interface Solver {
  /** The registered name of the solver, e.g. {@code "sa"}. */
  String name();

  /** Solves the model; energies in the result are the model's energies of the returned samples. */
  SampleSet solve(Qubo model, SolveRequest request);

  /**
   * The optional features this solver honours, as its provider declares them (every solver from
   * {@link Solvers} reports its provider's); none by default.
   */
  default Set<Capability> capabilities() {
    return Set.of();
  }

  /** Solves with a fresh random seed and no limit. */
  default SampleSet solve(Qubo model) {
    return solve(model, SolveRequest.defaults());
  }
}
