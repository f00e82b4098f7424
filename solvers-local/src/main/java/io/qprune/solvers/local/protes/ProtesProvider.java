package io.qprune.solvers.local.protes;

import io.qprune.api.blackbox.BlackBoxOptimizer;
import io.qprune.api.blackbox.OptimizerProvider;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import java.util.List;

/** Registers the black-box optimiser {@code protes}: PROTES over a tensor-train distribution. */
public final class ProtesProvider implements OptimizerProvider {
  @Override
  public String name() {
    return "protes";
  }

  @Override
  public String description() {
    return "PROTES: samples a tensor-train distribution and fits it to each batch's best points with Adam"
        + " (Batsheva et al., NeurIPS 2023)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return ProtesConfig.specs();
  }

  @Override
  public BlackBoxOptimizer create(Parameters parameters) {
    return new Protes(ProtesConfig.from(parameters));
  }
}
