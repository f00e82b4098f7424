package io.qprune.solvers.local.pa;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers {@code pa}: population annealing with resampling (Machta; Wang, Machta and Katzgraber). */
public final class PaProvider implements SolverProvider {
  @Override
  public String name() {
    return "pa";
  }

  @Override
  public String description() {
    return "Population annealing: a population of Metropolis replicas cooled along a geometric ladder,"
        + " resampled by Boltzmann weight at every step; swap moves under an exact-cardinality constraint";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("population", 100, 2, 10_000_000,
            "target population size (with a time limit, each further run doubles it)"),
        ParameterSpec.integer("num_temperatures", 100, 2, 10_000_000, "steps of the annealing ladder"),
        ParameterSpec.integer("sweeps_per_temperature", 10, 1, 1_000_000_000,
            "Metropolis sweeps of every replica at each temperature"),
        ParameterSpec.doubles("beta_range", null, 2, Double.MIN_VALUE, Double.MAX_VALUE,
            "[hot, cold] inverse temperatures (auto: as pt, from the model's largest field and smallest bias)"),
        ParameterSpec.real("target_energy", null, -Double.MAX_VALUE, Double.MAX_VALUE,
            "stop once a replica reaches this energy or lower"),
        ParameterSpec.integer("num_threads", 1, 1, 4096, "threads sweeping the population"));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TIME_LIMIT, Capability.CARDINALITY, Capability.GROUP_CARDINALITY);
  }

  @Override
  public Solver create(Parameters p) {
    double[] range = p.getDoubles("beta_range");
    if (range != null && !(range[0] < range[1])) {
      throw new io.qprune.api.InvalidInputException("Parameter 'beta_range' of solver 'pa' is [" + range[0]
          + ", " + range[1] + "]; the hot beta must be below the cold one. Maybe beta_range: [0.1, 5]");
    }
    return new PaSolver(p.getInt("population"), p.getInt("num_temperatures"), p.getInt("sweeps_per_temperature"),
        range, p.has("target_energy") ? p.getDouble("target_energy") : null, p.getInt("num_threads"));
  }
}
