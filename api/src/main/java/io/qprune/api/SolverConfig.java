package io.qprune.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * YAML or JSON (chosen by the file extension).
 */
public record SolverConfig(String solver, Map<String, Object> parameters, Double timeLimitSeconds,
    Long seed) {

  private static final List<String> KEYS = List.of("solver", "parameters", "time_limit", "seed");

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

  /** Loads a YAML ({@code .yaml}/{@code .yml}) or JSON file. */
  public static SolverConfig load(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    Object tree;
    try {
      tree = mapper.readValue(Files.readString(file), Object.class);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Solver configuration " + file + " does not exist", e);
    } catch (JacksonException e) {
      throw new InvalidInputException("Solver configuration " + file + " is not valid "
          + (name.endsWith(".json") ? "JSON" : "YAML") + " (line " + e.getLocation().getLineNr()
          + "): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read solver configuration " + file + ": " + e.getMessage(), e);
    }
    try {
      return fromMap(tree);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** Builds a configuration from a parsed document. */
  public static SolverConfig fromMap(Object tree) {
    if (!(tree instanceof Map<?, ?> map)) {
      throw new InvalidInputException("A solver configuration must be a mapping with a 'solver' key");
    }
    for (Object k : map.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new InvalidInputException("Unknown key '" + k + "' in solver configuration; allowed: "
            + String.join(", ", KEYS) + io.qprune.api.spi.Suggest.maybe(String.valueOf(k), KEYS));
      }
    }
    Object solver = map.get("solver");
    if (!(solver instanceof String s)) {
      throw new InvalidInputException("'solver' must be a solver name, got " + solver);
    }
    Object params = map.get("parameters");
    Map<String, Object> p = new LinkedHashMap<>();
    if (params instanceof Map<?, ?> pm) {
      pm.forEach((k, v) -> p.put(String.valueOf(k), v));
    } else if (params != null) {
      throw new InvalidInputException("'parameters' must be a mapping of name: value, got " + params);
    }
    return new SolverConfig(s, p, number(map.get("time_limit"), "time_limit"), seed(map.get("seed")));
  }

  private static Long seed(Object v) {
    if (v == null) {
      return null;
    }
    Long s = ConfigNumbers.exactLong(v, true);
    if (s == null) {
      throw new InvalidInputException("'seed' must be a whole number, got '" + v + "'");
    }
    return s;
  }

  private static Double number(Object v, String key) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("'" + key + "' must be a number, got '" + v + "'", e);
    }
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
