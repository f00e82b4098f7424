package io.qprune.solvers.local.nsga;

import io.qprune.api.blackbox.MultiObjectiveOptimizer;
import io.qprune.api.blackbox.MultiObjectiveProvider;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import java.util.List;

/** Registers the multi-objective optimiser {@code nsga2}: NSGA-II with SBX or SparseEA operators. */
public final class Nsga2Provider implements MultiObjectiveProvider {
  @Override
  public String name() {
    return "nsga2";
  }

  @Override
  public String description() {
    return "NSGA-II (Deb et al. 2002): non-dominated sorting and crowding distance; SBX and polynomial"
        + " mutation for real genomes, SparseEA's importance-guided operators for binary ones";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return Nsga2Config.specs();
  }

  @Override
  public MultiObjectiveOptimizer create(Parameters parameters) {
    return new Nsga2(Nsga2Config.from(parameters));
  }
}
