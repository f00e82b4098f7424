package io.qprune.solvers.local.descent;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers {@code descent}: steepest descent to a local minimum, also to polish other samples. */
public final class DescentProvider implements SolverProvider {
  @Override
  public String name() {
    return "descent";
  }

  @Override
  public String description() {
    return "Steepest single-flip descent to a local minimum from random or given states"
        + " (swap descent under an exact-cardinality constraint)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("num_reads", null, 1, 10_000_000,
            "descents to run (auto: the number of initial states, or 1)"),
        ParameterSpec.intMatrix("initial_states",
            "states to polish, one row per read in the model's values; reads beyond them start at random"),
        ParameterSpec.integer("num_threads", 0, 0, 4096, "worker threads (0: one per core)"));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TIME_LIMIT, Capability.CARDINALITY, Capability.GROUP_CARDINALITY,
        Capability.INITIAL_STATES);
  }

  @Override
  public Solver create(Parameters p) {
    return new DescentSolver(p.has("num_reads") ? p.getInt("num_reads") : null,
        p.getIntMatrix("initial_states"), p.getInt("num_threads"));
  }
}
