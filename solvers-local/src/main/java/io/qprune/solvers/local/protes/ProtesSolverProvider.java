package io.qprune.solvers.local.protes;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers the QUBO solver {@code protes}: PROTES minimising the energy as a black box, for comparison with sa and tabu. */
public final class ProtesSolverProvider implements SolverProvider {
  /** The evaluation budget when none is given. */
  static final long DEFAULT_EVALUATIONS = 10_000;

  @Override
  public String name() {
    return "protes";
  }

  @Override
  public String description() {
    return "PROTES black-box optimisation of the energy over a tensor-train distribution, restarted"
        + " while the evaluation budget lasts; exact cardinality by constrained sampling";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> specs = new ArrayList<>();
    specs.add(ParameterSpec.longValue("num_evaluations", null, 1, Long.MAX_VALUE,
        "distinct states evaluated, summed over restarts (auto: " + DEFAULT_EVALUATIONS + ")"));
    specs.addAll(ProtesConfig.specs());
    return specs;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TIME_LIMIT, Capability.CARDINALITY);
  }

  @Override
  public Solver create(Parameters p) {
    Long budget = p.has("num_evaluations") ? p.getLong("num_evaluations") : null;
    return new ProtesSolver(ProtesConfig.from(p), budget);
  }
}
