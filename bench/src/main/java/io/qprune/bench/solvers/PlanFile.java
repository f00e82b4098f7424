package io.qprune.bench.solvers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.qprune.api.InvalidInputException;
import io.qprune.api.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a benchmark plan (YAML; see bench/plans/example.yaml) through {@link ConfigFile}. Paths are
 * relative to the plan file's folder; missing keys take the command's defaults; every error names
 * the file, the key and the line.
 */
public final class PlanFile {
  /** Defaults shared with the command-line flags. */
  public static final int DEFAULT_REPEATS = 1;
  public static final long DEFAULT_SEED = 1;
  public static final double DEFAULT_TIME_LIMIT = 10;
  public static final Path DEFAULT_OUT = Path.of("runs/bench/solvers");
  private static final String EXAMPLE = "; see bench/plans/example.yaml";

  /** The keys of a plan file; a list key also takes a single value ({@code solvers: sa}). */
  record Keys(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Solver> solvers,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> instances,
      String filter, Integer repeats, Long seed,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> timeLimits,
      String out, String cluster) {}

  /** A {@code solvers} entry: a solver name, or a mapping of name, label and parameters. */
  record Solver(String name, String label, Map<String, Object> parameters) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Solver named(String name) {
      return new Solver(name, null, null);
    }
  }

  private final ConfigFile file;
  private final Path dir;

  private PlanFile(Path path) {
    this.file = ConfigFile.read(path);
    this.dir = path.toAbsolutePath().getParent();
  }

  /** The plan the file describes. */
  public static BenchPlan read(Path path) {
    PlanFile p = new PlanFile(path);
    if (p.file.isEmpty()) {
      throw new InvalidInputException("Plan file " + path + " is empty" + EXAMPLE);
    }
    return p.plan(p.file.bind(Keys.class, null));
  }

  private BenchPlan plan(Keys k) {
    List<SolverEntry> solvers = solvers(required(k.solvers(), "solvers"));
    List<Path> instances = instances(required(k.instances(), "instances"));
    String filter = text(k.filter(), "filter");
    int repeats = k.repeats() == null ? DEFAULT_REPEATS : (int) whole(k.repeats(), "repeats", 1, 1_000_000);
    long seed = k.seed() == null ? DEFAULT_SEED : whole(k.seed(), "seed", 0, Long.MAX_VALUE / 2);
    List<Double> limits = k.timeLimits() == null ? List.of(DEFAULT_TIME_LIMIT) : timeLimits(k.timeLimits());
    Path out = k.out() == null ? DEFAULT_OUT : dir.resolve(text(k.out(), "out")).normalize();
    String cluster = text(k.cluster(), "cluster");
    try {
      return new BenchPlan(solvers, instances, filter, repeats, seed, limits, out, cluster);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file.name() + ": " + e.getMessage(), e);
    }
  }

  private List<SolverEntry> solvers(List<Solver> given) {
    List<SolverEntry> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "solvers[" + i + "]";
      Solver s = given.get(i);
      if (s == null) {
        throw file.error(at, "'solvers' entries are a solver name (sa) or a mapping with name, label, parameters;"
            + " got nothing");
      }
      String name = text(s.name(), at + ".name");
      if (name == null) {
        throw file.error(at, "missing key 'name'" + EXAMPLE);
      }
      String origin = Path.of(file.name()).getFileName() + " line " + file.line(at);
      String label = s.label() == null ? name : text(s.label(), at + ".label");
      out.add(new SolverEntry(label, name, s.parameters(), origin));
    }
    return out;
  }

  private List<Path> instances(List<String> given) {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "instances[" + i + "]";
      String g = text(given.get(i), at);
      Path p = g == null ? null : dir.resolve(g).normalize();
      if (p == null || !Files.exists(p)) {
        throw file.error(at, "'instances' entry " + g + " is " + p + ", which does not exist (paths are relative"
            + " to the plan's folder " + dir + ")");
      }
      out.add(p);
    }
    return out;
  }

  private List<Double> timeLimits(List<Double> given) {
    for (int i = 0; i < given.size(); i++) {
      Double t = given.get(i);
      if (t == null || !(t > 0) || t.isInfinite()) {
        throw file.error("time_limits[" + i + "]", "'time_limits' must be a positive number of seconds or a list"
            + " of them, e.g. [1, 4, 16]; got " + t);
      }
    }
    return given;
  }

  private <T> List<T> required(List<T> v, String key) {
    if (v == null) {
      throw file.error("", "missing key '" + key + "'" + EXAMPLE);
    }
    if (v.isEmpty()) {
      throw file.error(key, "'" + key + "' must be a non-empty list, got []");
    }
    return v;
  }

  /** A non-blank text, or null when absent. */
  private String text(String v, String key) {
    if (v != null && v.isBlank()) {
      throw file.error(key, "'" + key + "' must be a non-empty text, got \"" + v + "\"");
    }
    return v;
  }

  private long whole(long v, String key, long min, long max) {
    if (v < min || v > max) {
      throw file.error(key, "'" + key + "' must be a whole number from " + min + " to " + max + ", got " + v);
    }
    return v;
  }
}
