package io.qprune.bench.solvers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One solver of a campaign: a registered solver name with its parameters, under a label that
 * tells it apart from the same solver with other parameters; {@code origin} says where it was
 * declared (e.g. {@code plan.yaml line 7}) for error messages.
 */
public record SolverEntry(String label, String solver, Map<String, Object> parameters, String origin) {

  public SolverEntry {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
  }

  /** A solver under its own name with no parameters. */
  public static SolverEntry of(String solver, String origin) {
    return new SolverEntry(solver, solver, Map.of(), origin);
  }

  /** A copy with one more parameter (replacing any of that name). */
  public SolverEntry withParameter(String name, Object value) {
    Map<String, Object> p = new LinkedHashMap<>(parameters);
    p.put(name, value);
    return new SolverEntry(label, solver, p, origin);
  }
}
