package io.qprune.bench.pruning;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import java.util.Map;
import java.util.Set;

/** A solver created from the registry by name, with the capabilities its provider declares. */
public record SolverChoice(Solver solver, Set<Capability> capabilities) {
  /** Looks the solver up and validates its parameters. */
  public static SolverChoice create(String name, Map<String, ?> parameters) {
    Solvers all = Solvers.discover();
    Solver s = all.create(name, parameters);
    return new SolverChoice(s, all.provider(name).capabilities());
  }
}
