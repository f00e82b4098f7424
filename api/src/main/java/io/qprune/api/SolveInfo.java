package io.qprune.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a solve run reports about itself: the solver, wall time in total and until the best sample
 * was first found (NaN when unknown), and solver-specific metadata (sweeps, restarts, ...).
 */
public record SolveInfo(String solver, double totalSeconds, double timeToBestSeconds,
    Map<String, Object> properties) {

  public SolveInfo {
    properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(properties));
  }

  /** No information at all. */
  public static SolveInfo empty() {
    return new SolveInfo("", Double.NaN, Double.NaN, Map.of());
  }

  /** A copy with one more property. */
  public SolveInfo with(String key, Object value) {
    Map<String, Object> p = new LinkedHashMap<>(properties);
    p.put(key, value);
    return new SolveInfo(solver, totalSeconds, timeToBestSeconds, p);
  }
}
