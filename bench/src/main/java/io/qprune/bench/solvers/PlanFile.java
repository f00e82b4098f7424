package io.qprune.bench.solvers;

import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.Suggest;
import io.qprune.bench.solvers.LocatedYaml.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a benchmark plan (YAML; see bench/plans/example.yaml). Paths are relative to the plan
 * file's folder; missing keys take the command's defaults; every error names the file, the key
 * and the line.
 */
public final class PlanFile {
  static final List<String> KEYS = List.of("solvers", "instances", "filter", "repeats", "seed", "time_limits", "out", "cluster");
  static final List<String> SOLVER_KEYS = List.of("name", "label", "parameters");
  /** Defaults shared with the command-line flags. */
  public static final int DEFAULT_REPEATS = 1;
  public static final long DEFAULT_SEED = 1;
  public static final double DEFAULT_TIME_LIMIT = 10;
  public static final Path DEFAULT_OUT = Path.of("runs/bench/solvers");

  private final Path file;
  private final Path dir;

  private PlanFile(Path file) {
    this.file = file;
    this.dir = file.toAbsolutePath().getParent();
  }

  /** The plan the file describes. */
  public static BenchPlan read(Path file) {
    return new PlanFile(file).plan(LocatedYaml.read(file));
  }

  private BenchPlan plan(Node root) {
    if (!(root.value() instanceof Map<?, ?> map)) {
      throw error(root, "a plan is a mapping of keys " + KEYS + "; see bench/plans/example.yaml");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = (String) e.getKey();
      if (!KEYS.contains(key)) {
        throw error((Node) e.getValue(), "unknown key '" + key + "'; a plan has " + String.join(", ", KEYS)
            + "." + Suggest.maybe(key, KEYS));
      }
    }
    Node solvers = required(map, root, "solvers");
    Node instances = required(map, root, "instances");
    Node filter = (Node) map.get("filter");
    Node repeats = (Node) map.get("repeats");
    Node seed = (Node) map.get("seed");
    Node limits = (Node) map.get("time_limits");
    Node out = (Node) map.get("out");
    Node cluster = (Node) map.get("cluster");
    try {
      return new BenchPlan(solvers(solvers), instances(instances), filter == null ? null : text(filter, "filter"),
          repeats == null ? DEFAULT_REPEATS : (int) whole(repeats, "repeats", 1, 1_000_000),
          seed == null ? DEFAULT_SEED : whole(seed, "seed", 0, Long.MAX_VALUE / 2),
          limits == null ? List.of(DEFAULT_TIME_LIMIT) : timeLimits(limits),
          out == null ? DEFAULT_OUT : dir.resolve(text(out, "out")).normalize(),
          cluster == null ? null : text(cluster, "cluster"));
    } catch (InvalidInputException e) {
      if (e.getMessage().startsWith(file.toString())) {
        throw e;
      }
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }

  private List<SolverEntry> solvers(Node node) {
    List<SolverEntry> out = new ArrayList<>();
    for (Node n : list(node, "solvers")) {
      String origin = file.getFileName() + " line " + n.line();
      if (n.value() instanceof String name) {
        out.add(SolverEntry.of(name, origin));
        continue;
      }
      if (!(n.value() instanceof Map<?, ?> m)) {
        throw error(n, "'solvers' entries are a solver name (sa) or a mapping with name, label, parameters; got "
            + n.plain());
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!SOLVER_KEYS.contains((String) e.getKey())) {
          throw error((Node) e.getValue(), "unknown key '" + e.getKey() + "' in a solver entry; allowed: "
              + String.join(", ", SOLVER_KEYS) + "." + Suggest.maybe((String) e.getKey(), SOLVER_KEYS));
        }
      }
      String name = text(required(m, n, "name"), "name");
      Node label = (Node) m.get("label");
      Node params = (Node) m.get("parameters");
      if (params != null && !(params.value() instanceof Map)) {
        throw error(params, "'parameters' must be a mapping of name: value, got " + params.plain());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> p = params == null ? Map.of() : (Map<String, Object>) params.plain();
      out.add(new SolverEntry(label == null ? name : text(label, "label"), name, p, origin));
    }
    return out;
  }

  private List<Path> instances(Node node) {
    List<Path> out = new ArrayList<>();
    for (Node n : list(node, "instances")) {
      String given = text(n, "instances");
      Path p = dir.resolve(given).normalize();
      if (!Files.exists(p)) {
        throw error(n, "'instances' entry " + given + " is " + p + ", which does not exist (paths are relative"
            + " to the plan's folder " + dir + ")");
      }
      out.add(p);
    }
    return out;
  }

  private List<Double> timeLimits(Node node) {
    List<Node> items = node.value() instanceof List<?> ? list(node, "time_limits") : List.of(node);
    List<Double> out = new ArrayList<>();
    for (Node n : items) {
      if (!(n.value() instanceof Number num) || !(num.doubleValue() > 0) || Double.isInfinite(num.doubleValue())) {
        throw error(n, "'time_limits' must be a positive number of seconds or a list of them, e.g. [1, 4, 16];"
            + " got " + n.plain());
      }
      out.add(num.doubleValue());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Node> list(Node node, String key) {
    if (node.value() instanceof String) {
      return List.of(node);
    }
    if (!(node.value() instanceof List<?> l) || l.isEmpty()) {
      throw error(node, "'" + key + "' must be a non-empty list, got " + node.plain());
    }
    return (List<Node>) l;
  }

  private String text(Node n, String key) {
    if (n.value() instanceof String s && !s.isBlank()) {
      return s;
    }
    throw error(n, "'" + key + "' must be a non-empty text, got " + n.plain());
  }

  private long whole(Node n, String key, long min, long max) {
    Long v = io.qprune.api.ConfigNumbers.exactLong(n.value(), false); // exact: no rounding through double
    if (v != null && v >= min && v <= max) {
      return v;
    }
    throw error(n, "'" + key + "' must be a whole number from " + min + " to " + max + ", got " + n.plain());
  }

  private Node required(Map<?, ?> m, Node parent, String key) {
    Node n = (Node) m.get(key);
    if (n == null || n.value() == null) {
      throw error(parent, "missing key '" + key + "'; see bench/plans/example.yaml");
    }
    return n;
  }

  private InvalidInputException error(Node at, String message) {
    return new InvalidInputException(file + " line " + at.line() + ": " + message);
  }
}
