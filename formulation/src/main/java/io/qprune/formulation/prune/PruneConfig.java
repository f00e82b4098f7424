package io.qprune.formulation.prune;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.capacity.CapacityOptions;
import io.qprune.formulation.capacity.ExactK;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.importance.Normalisation;
import io.qprune.formulation.qubo.HybridQubo;
import io.qprune.formulation.refine.RefineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one pruning run depends on, as a YAML (or JSON) file of flat keys over the defaults
 * ({@code configs/prune-default.yaml}); an unknown key is an error. Swapping the solver is the
 * one line {@code solver: tabu}.
 */
public final class PruneConfig {
  private static final Map<String, Object> DEFAULTS = defaultsMap();
  private final Map<String, Object> values;

  private PruneConfig(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
    settings();
    calibrationCrops();
    positive("calibration_size");
    positive("calibration_chunk");
    positive("calibration_images");
    positive("pooled");
    positive("threads");
    number("sigma");
    bool("evaluate");
    solverParameters();
    timeLimit();
    seed();
    evalSeed();
    evalPhotos();
    refine();
  }

  private static Map<String, Object> defaultsMap() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("model", "default");
    d.put("sparsity", 0.36);
    d.put("flops", null);
    d.put("params", null);
    d.put("budget_tolerance", Budget.DEFAULT_TOLERANCE);
    d.put("method", "hybrid");
    d.put("alpha", 0.0);
    d.put("beta", 0.1);
    d.put("redundancy", "scaled");
    d.put("normalisation", "global-max");
    d.put("calibration_crops", 64);
    d.put("calibration_size", 128);
    d.put("calibration_chunk", 16);
    d.put("calibration_images", 512);
    d.put("pooled", 8);
    d.put("centred", true);
    d.put("sigma", 25.0);
    d.put("min_units_per_layer", 1);
    d.put("max_layer_prune", 1.0);
    d.put("exact_k", "search");
    d.put("polish", true);
    d.put("max_steps", 30);
    d.put("solver", "sa");
    d.put("solver_parameters", Map.of("num_reads", 8));
    d.put("time_limit", null);
    d.put("seed", 1);
    d.put("eval_seed", 1);
    d.put("eval_photos", 0);
    d.put("evaluate", true);
    d.put("threads", 2);
    d.put("cluster", "local");
    d.put("refine", RefineSettings.defaults().asMap());
    return Collections.unmodifiableMap(d);
  }

  /** The defaults: the shipped model, 36 % sparsity, hybrid QUBO solved by {@code sa}. */
  public static PruneConfig defaults() {
    return new PruneConfig(new LinkedHashMap<>(DEFAULTS));
  }

  /** Reads a YAML ({@code .yaml}/{@code .yml}) or JSON file over the defaults. */
  public static PruneConfig load(Path file) {
    boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    Object tree;
    try {
      tree = mapper.readValue(Files.readString(file), Object.class);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Config file " + file + " does not exist", e);
    } catch (JacksonException e) {
      throw new InvalidInputException(file + " is not valid " + (json ? "JSON" : "YAML")
          + " (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read config " + file + ": " + e.getMessage(), e);
    }
    if (tree == null) {
      return defaults();
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new InvalidInputException(file + ": a pruning config is a mapping of key: value");
    }
    try {
      PruneConfig c = defaults();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        c = c.with(String.valueOf(e.getKey()), e.getValue());
      }
      return c;
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** A copy with one key set (null restores the default); an unknown key is an error. */
  public PruneConfig with(String key, Object value) {
    if (key.startsWith("refine.")) {
      return with("refine", refine().with(key.substring("refine.".length()), value).asMap());
    }
    if (!DEFAULTS.containsKey(key)) {
      throw new InvalidInputException("Unknown config key '" + key + "'. Known keys: "
          + String.join(", ", DEFAULTS.keySet())
          + io.qprune.api.spi.Suggest.maybe(key, DEFAULTS.keySet()));
    }
    Map<String, Object> v = new LinkedHashMap<>(values);
    if (key.equals("refine") && value != null) {
      value = RefineSettings.parse(value).asMap(); // one form, whatever the source
    }
    v.put(key, value == null ? DEFAULTS.get(key) : value);
    return new PruneConfig(v);
  }

  /** Every key with its value, in the defaults' order (for reports). */
  public Map<String, Object> asMap() {
    return values;
  }

  /** The model to prune: {@code default} or a model file. */
  public String model() {
    return String.valueOf(values.get("model"));
  }

  /** The selection settings. */
  public PruneSettings settings() {
    CapacityOptions cap = new CapacityOptions(ExactK.parse(text("exact_k")), integer("max_steps"),
        bool("polish"), CapacityOptions.defaults().maxSwaps());
    return new PruneSettings(Method.parse(text("method")), number("sparsity"), number("alpha"),
        number("beta"), HybridQubo.Redundancy.parse(text("redundancy")),
        Normalisation.parse(text("normalisation")), integer("min_units_per_layer"),
        number("max_layer_prune"), cap, budget());
  }

  /**
   * The compute budget ({@code flops: 0.5} or {@code params: 0.5}: that fraction of the unpruned
   * network, within {@code budget_tolerance} of it), or null to keep a number of units.
   */
  public Budget budget() {
    Object f = values.get("flops");
    Object p = values.get("params");
    if (f != null && p != null) {
      throw new InvalidInputException("Give one budget, flops or params, not both (flops " + f + ", params " + p + ")");
    }
    if (f == null && p == null) {
      return null;
    }
    CostKind kind = f != null ? CostKind.FLOPS : CostKind.PARAMS;
    return new Budget(kind, number(kind.toString()), number("budget_tolerance"));
  }

  public int calibrationCrops() {
    return positive("calibration_crops");
  }

  /** Classifiers: the training images the scores are measured on (drawn with the seed). */
  public int calibrationImages() {
    return positive("calibration_images");
  }

  public int calibrationSize() {
    return positive("calibration_size");
  }

  public int calibrationChunk() {
    return positive("calibration_chunk");
  }

  public int pooled() {
    return positive("pooled");
  }

  public boolean centred() {
    return bool("centred");
  }

  public double sigma() {
    double s = number("sigma");
    if (!(s >= 0)) {
      throw new InvalidInputException("'sigma' must be >= 0, got " + s);
    }
    return s;
  }

  public String solver() {
    return text("solver");
  }

  /** The solver's parameters (validated by the solver when it is created). */
  public Map<String, Object> solverParameters() {
    Object p = values.get("solver_parameters");
    if (!(p instanceof Map<?, ?> m)) {
      throw new InvalidInputException("'solver_parameters' must be a mapping of name: value, got " + p);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return Collections.unmodifiableMap(out);
  }

  /** The time limit of each solver call in seconds, or null. */
  public Double timeLimit() {
    Object v = values.get("time_limit");
    if (v == null) {
      return null;
    }
    double t = number("time_limit");
    if (!(t > 0)) {
      throw new InvalidInputException("'time_limit' must be a positive number of seconds, got " + v);
    }
    return t;
  }

  /** The seed of the calibration crops and of the solver. */
  public long seed() {
    return wholeLong("seed");
  }

  /** The seed of the validation/test noise (fixed so every method sees the same images). */
  public long evalSeed() {
    return wholeLong("eval_seed");
  }

  /**
   * How many photos of each split validation and test scores use: 0 (the default) all of them,
   * N the N smallest (by pixels; for quick runs and tests).
   */
  public int evalPhotos() {
    int n = integer("eval_photos");
    if (n < 0) {
      throw new InvalidInputException("'eval_photos' must be 0 (all photos) or a positive count, got " + n);
    }
    return n;
  }

  /** Whether {@code prune} scores the pruned network on the validation and test photos. */
  public boolean evaluate() {
    return bool("evaluate");
  }

  /**
   * Where black-box evaluations run: {@code local} (this process, the default), {@code local[N]},
   * {@code local[*]} or {@code spark://host:port} (with qprune-cluster-spark on the class path).
   */
  public String cluster() {
    Object v = values.get("cluster");
    if (!(v instanceof String s) || s.isBlank()) {
      throw new InvalidInputException("'cluster' must be local, local[N], local[*] or spark://host:port, got " + v);
    }
    io.qprune.api.cluster.Clusters.validate(s);
    return s.strip();
  }

  /** The TT-refinement stage's settings (the {@code refine:} block; off by default). */
  public RefineSettings refine() {
    return RefineSettings.parse(values.get("refine"));
  }

  public int threads() {
    return positive("threads");
  }

  private String text(String key) {
    return String.valueOf(values.get(key));
  }

  private double number(String key) {
    Object v = values.get(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("'" + key + "' must be a number, got '" + v + "'", e);
    }
  }

  /** An exact long (seeds are 64-bit: a double would round them above 2^53). */
  private long wholeLong(String key) {
    Long v = io.qprune.api.ConfigNumbers.exactLong(values.get(key), true);
    if (v == null) {
      throw new InvalidInputException("'" + key + "' must be a whole number, got '" + values.get(key) + "'");
    }
    return v;
  }

  private int integer(String key) {
    double d = number(key);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new InvalidInputException("'" + key + "' must be a whole number, got " + values.get(key));
    }
    return (int) d;
  }

  private int positive(String key) {
    int v = integer(key);
    if (v < 1) {
      throw new InvalidInputException("'" + key + "' must be >= 1, got " + v);
    }
    return v;
  }

  private boolean bool(String key) {
    Object v = values.get(key);
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new InvalidInputException("'" + key + "' must be true or false, got '" + v + "'");
  }
}
