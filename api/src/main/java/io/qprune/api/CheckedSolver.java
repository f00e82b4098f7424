package io.qprune.api;

import io.qprune.api.spi.SolverProvider;

/** Wraps every solver the registry hands out: checks requests against capabilities and fills timing. */
final class CheckedSolver implements Solver {
  private final SolverProvider provider;
  private final Solver inner;

  CheckedSolver(SolverProvider provider, Solver inner) {
    this.provider = provider;
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public java.util.Set<Capability> capabilities() {
    return provider.capabilities();
  }

  @Override
  public SampleSet solve(Qubo model, SolveRequest request) {
    Cardinality c = request.cardinality();
    if (c != null) {
      if (!provider.capabilities().contains(Capability.CARDINALITY)) {
        throw new InvalidInputException("Solver '" + provider.name()
            + "' does not support an exact-cardinality constraint. Maybe use a solver that declares "
            + "CARDINALITY (see `qprune solvers`), or the formulation's capacity search.");
      }
      if (c.isGrouped() && !provider.capabilities().contains(Capability.GROUP_CARDINALITY)) {
        throw new InvalidInputException("Solver '" + provider.name()
            + "' does not support per-group cardinality constraints");
      }
      c.checkFits(model.numVariables());
    }
    long t0 = System.nanoTime();
    SampleSet result = inner.solve(model, request);
    double total = (System.nanoTime() - t0) / 1e9;
    SolveInfo info = result.info();
    if (info.solver().isEmpty() || Double.isNaN(info.totalSeconds())) {
      result = result.withInfo(new SolveInfo(provider.name(),
          Double.isNaN(info.totalSeconds()) ? total : info.totalSeconds(),
          info.timeToBestSeconds(), info.properties()));
    }
    return result;
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
