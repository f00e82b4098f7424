package io.qprune.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.qprune.api.config.ConfigFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which solver to run and how, as a file users edit to swap solvers:
 *
 * <pre>
 * solver: sa
 * time_limit: 10      # seconds, optional
 * seed: 42            # optional
 * parameters:
 *   num_reads: 100
 * </pre>
 *
 * YAML or JSON (chosen by the file extension), read by {@link ConfigFile}.
 */
public record SolverConfig(String solver, Map<String, Object> parameters,
    @JsonProperty("time_limit") Double timeLimitSeconds, Long seed) {

  public SolverConfig {
    if (solver == null || solver.isBlank()) {
      throw new InvalidInputException("A solver configuration needs a 'solver' name");
    }
    parameters = parameters == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    if (timeLimitSeconds != null && !(timeLimitSeconds > 0)) {
      throw new InvalidInputException("time_limit must be a positive number of seconds, got " + timeLimitSeconds);
    }
  }

  /** A configuration with just a solver name. */
  public static SolverConfig of(String solver) {
    return new SolverConfig(solver, Map.of(), null, null);
  }

  /**
   * Loads a YAML or JSON ({@code .json}) file; unknown keys and wrong types are errors naming the
   * file, the key and the line.
   */
  public static SolverConfig load(Path file) {
    ConfigFile f = ConfigFile.read(file);
    if (f.isEmpty()) {
      throw new InvalidInputException(file + ": a solver configuration needs a 'solver' name; see `qprune solvers`");
    }
    return f.bind(SolverConfig.class, null);
  }

  /** A copy with the given parameter overrides (later values win). */
  public SolverConfig withParameters(Map<String, ?> overrides) {
    Map<String, Object> p = new LinkedHashMap<>(parameters);
    p.putAll(overrides);
    return new SolverConfig(solver, p, timeLimitSeconds, seed);
  }

  public SolverConfig withTimeLimit(Double seconds) {
    return new SolverConfig(solver, parameters, seconds, seed);
  }

  public SolverConfig withSeed(Long s) {
    return new SolverConfig(solver, parameters, timeLimitSeconds, s);
  }

  /** The request this configuration describes (a random seed when none is set). */
  public SolveRequest request() {
    SolveRequest r = seed == null ? SolveRequest.defaults() : SolveRequest.seeded(seed);
    return timeLimitSeconds == null ? r : r.withTimeLimitSeconds(timeLimitSeconds);
  }
}
