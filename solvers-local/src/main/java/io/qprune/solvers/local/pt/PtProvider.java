package io.qprune.solvers.local.pt;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers {@code pt}: parallel tempering (replica exchange) with Houdayer cluster moves. */
public final class PtProvider implements SolverProvider {
  @Override
  public String name() {
    return "pt";
  }

  @Override
  public String description() {
    return "Parallel tempering: Metropolis replicas on a geometric temperature ladder exchanging"
        + " states, with Houdayer (isoenergetic) cluster moves between replica pairs on sparse models;"
        + " swap moves under an exact-cardinality constraint";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("num_temperatures", null, 2, 1024,
            "rungs of the temperature ladder (auto: sqrt(n)/2, between 8 and 48)"),
        ParameterSpec.doubles("beta_range", null, 2, Double.MIN_VALUE, Double.MAX_VALUE,
            "[hot, cold] inverse temperatures (auto: 1/1.2 of the Bethe spin-glass beta of the couplings,"
                + " and where dwave-samplers' schedule ends, from the smallest bias)"),
        ParameterSpec.choice("ladder", "adaptive", List.of("adaptive", "geometric"),
            "adaptive: start geometric, then move the inner rungs towards equal exchange rates at rounds"
                + " 32, 64, …, 16384 (with num_temperatures and beta_range auto, the rung count is set at round"
                + " 256 from the measured rates, for an exchange rate of 0.12); geometric: keep them"),
        ParameterSpec.integer("num_sweeps", null, 1, 1_000_000_000,
            "sweeps of every replica (auto: 1000 without a time limit, unlimited with one)"),
        ParameterSpec.integer("sweeps_per_exchange", 1, 1, 1_000_000, "sweeps between exchange rounds"),
        ParameterSpec.choice("cluster_moves", "auto", List.of("auto", "on", "off"),
            "Houdayer cluster moves between the two replicas of a temperature (auto: on for models of"
                + " average degree ≤ 16 without a cardinality constraint, which they would break, then kept after"
                + " round 256 only on rungs whose clusters do not percolate)"),
        ParameterSpec.real("cluster_fraction", 0.5, 0, 1,
            "the coldest share of the ladder that makes cluster moves (hot replicas differ almost"
                + " everywhere, so their clusters span the model and do nothing useful)"),
        ParameterSpec.real("target_energy", null, -Double.MAX_VALUE, Double.MAX_VALUE,
            "stop once a replica reaches this energy or lower"),
        ParameterSpec.integer("num_threads", 1, 1, 4096, "threads sweeping the replicas"));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TIME_LIMIT, Capability.CARDINALITY, Capability.GROUP_CARDINALITY);
  }

  @Override
  public Solver create(Parameters p) {
    return new PtSolver(PtConfig.from(p));
  }
}
