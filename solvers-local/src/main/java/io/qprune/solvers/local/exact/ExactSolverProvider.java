package io.qprune.solvers.local.exact;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers {@code exact}: exhaustive enumeration, the oracle for small models. */
public final class ExactSolverProvider implements SolverProvider {
  /** The hard ceiling: 2^40 states would take days. */
  static final int HARD_MAX = 40;

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public String description() {
    return "Exhaustive Gray-code enumeration with incremental energies; proves the optimum of small models";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("max_variables", 30, 0, HARD_MAX,
            "refuse models with more variables than this (2^n states are enumerated)"),
        ParameterSpec.integer("num_states", 1, 1, 100_000,
            "how many of the lowest-energy states to return"),
        ParameterSpec.integer("num_threads", 0, 0, 1024,
            "worker threads (0: one per core)"));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TIME_LIMIT, Capability.CARDINALITY, Capability.GROUP_CARDINALITY);
  }

  @Override
  public Solver create(Parameters p) {
    return new ExactSolver(p.getInt("max_variables"), p.getInt("num_states"), p.getInt("num_threads"));
  }
}
