package io.qprune.bench.solvers;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one campaign run needs, as plain values a cluster can ship: which instance of which
 * file, which solver with which parameters, the seed and time limit, and the best-known value
 * (looked up on the driver) for the row.
 */
public record SolveCell(String file, String instance, String solver, String label,
    LinkedHashMap<String, Object> parameters, Cell cell, Double bestKnown) implements Serializable {

  static SolveCell of(String file, String instance, SolverEntry entry, Cell cell, Double bestKnown) {
    return new SolveCell(file, instance, entry.solver(), entry.label(), new LinkedHashMap<>(entry.parameters()), cell,
        bestKnown);
  }

  /** The parameters as the solver registry takes them. */
  Map<String, Object> solverParameters() {
    return parameters;
  }

  @Override
  public String toString() {
    return instance + " / " + label + " / repeat " + cell.repeat() + " / " + cell.timeLimitSeconds() + " s";
  }
}
