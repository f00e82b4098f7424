package io.qprune.solvers.local.sa;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers {@code sa}: simulated annealing with dwave-samplers' parameters and defaults. */
public final class SaProvider implements SolverProvider {
  static final int MAX = 1_000_000_000;

  @Override
  public String name() {
    return "sa";
  }

  @Override
  public String description() {
    return "Simulated annealing: single-flip Metropolis sweeps over a geometric or linear beta"
        + " schedule, parallel reads; swap moves under an exact-cardinality constraint";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("num_reads", null, 1, 10_000_000,
            "anneals to run (auto: the number of initial states, or 1); with a time limit, anneals"
                + " repeat until the time is spent and the best num_reads states are returned"),
        ParameterSpec.integer("num_sweeps", null, 1, MAX,
            "sweeps per anneal (auto: 1000; with a time limit, anneals grow from 1000 sweeps so the"
                + " last one uses the remaining time)"),
        ParameterSpec.integer("num_sweeps_per_beta", 1, 1, MAX, "sweeps at each beta"),
        ParameterSpec.doubles("beta_range", null, 2, 0, Double.MAX_VALUE,
            "[hot, cold] inverse temperatures (auto: derived from the biases as dwave-samplers does)"),
        ParameterSpec.choice("beta_schedule_type", "geometric", List.of("geometric", "linear", "custom"),
            "how betas are interpolated over beta_range, or 'custom' to use beta_schedule"),
        ParameterSpec.doubles("beta_schedule", null, null, 0, Double.MAX_VALUE,
            "the betas of a custom schedule"),
        ParameterSpec.intMatrix("initial_states",
            "starting states, one row per read in the model's values; reads beyond them start at random"),
        ParameterSpec.integer("num_threads", 0, 0, 4096, "worker threads (0: one per core)"),
        ParameterSpec.choice("layout", "auto", List.of("auto", "sparse", "dense"),
            "interaction layout: sparse rows, a dense matrix, or auto (dense above 25% density, n ≤ 4096)"));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TIME_LIMIT, Capability.CARDINALITY, Capability.GROUP_CARDINALITY,
        Capability.INITIAL_STATES);
  }

  @Override
  public Solver create(Parameters p) {
    return new SaSolver(SaConfig.from(p));
  }
}
