package io.qprune.solvers.local.tabu;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers {@code tabu}: Palubeckis' multistart tabu search (MST2), as in dwave-tabu and MQLib. */
public final class TabuProvider implements SolverProvider {
  @Override
  public String name() {
    return "tabu";
  }

  @Override
  public String description() {
    return "Multistart one-flip tabu search (Palubeckis MST2) with aspiration and perturbed"
        + " restarts; swap moves under an exact-cardinality constraint";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("num_reads", null, 1, 1_000_000,
            "independent searches, run in parallel (auto: the number of initial states, or 1)"),
        ParameterSpec.integer("tenure", null, 0, 1_000_000,
            "moves a flipped variable stays tabu (auto: min(20, n/4)); must be below n"),
        ParameterSpec.integer("num_restarts", null, 0, Integer.MAX_VALUE,
            "perturbed restarts per read (auto: 10 without a time limit, unlimited with one)"),
        ParameterSpec.integer("coefficient_z_first", null, 1, 10_000_000,
            "the first search evaluates about max(lower_bound_z, n × this) moves (auto: 10000, 25000 when n > 500)"),
        ParameterSpec.integer("coefficient_z_restart", null, 1, 10_000_000,
            "each restart evaluates about max(lower_bound_z, n × this) moves (auto: 2500, 10000 when n > 500)"),
        ParameterSpec.longValue("lower_bound_z", 500_000L, 1, Long.MAX_VALUE / 4,
            "the least number of move evaluations of a search"),
        ParameterSpec.real("restart_from_best", 0.0, 0, 1,
            "probability that a restart perturbs the best state found so far instead of the current one"),
        ParameterSpec.real("target_energy", null, -Double.MAX_VALUE, Double.MAX_VALUE,
            "stop every read once one reaches this energy or lower"),
        ParameterSpec.intMatrix("initial_states",
            "starting states, one row per read in the model's values; reads beyond them start at random"),
        ParameterSpec.integer("num_threads", 0, 0, 4096, "worker threads (0: one per core)"));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TIME_LIMIT, Capability.CARDINALITY, Capability.GROUP_CARDINALITY,
        Capability.INITIAL_STATES);
  }

  @Override
  public Solver create(Parameters p) {
    return new TabuSolver(TabuConfig.from(p));
  }
}
