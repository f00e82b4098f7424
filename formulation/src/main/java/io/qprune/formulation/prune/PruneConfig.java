package io.qprune.formulation.prune;

import io.qprune.api.InvalidInputException;
import io.qprune.api.SolveRequest;
import io.qprune.api.config.ConfigFile;
import io.qprune.api.config.ConfigValues;
import io.qprune.formulation.capacity.CapacityOptions;
import io.qprune.formulation.capacity.ExactK;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.importance.Normalisation;
import io.qprune.formulation.qubo.HybridQubo;
import io.qprune.formulation.refine.RefineSettings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

/**
 * Everything one pruning run depends on, as a YAML (or JSON) file of flat keys over the defaults
 * ({@code configs/prune-default.yaml}), read by {@link ConfigFile}: an unknown key or a wrong type
 * is an error naming the file, the key and the line. Swapping the solver is the one line
 * {@code solver: tabu}.
 */
public final class PruneConfig {
  private final PruneKeys keys;

  private PruneConfig(PruneKeys keys) {
    this.keys = keys;
    settings();
    latencyCap();
    positive("calibration_crops", keys.calibrationCrops());
    positive("calibration_size", keys.calibrationSize());
    positive("calibration_chunk", keys.calibrationChunk());
    positive("calibration_images", keys.calibrationImages());
    positive("pooled", keys.pooled());
    positive("threads", keys.threads());
    sigma();
    timeLimit();
    evalPhotos();
  }

  /** The defaults: the shipped model, 36 % sparsity, hybrid QUBO solved by {@code sa}. */
  public static PruneConfig defaults() {
    return new PruneConfig(PruneKeys.DEFAULTS);
  }

  /** Reads a YAML ({@code .yaml}/{@code .yml}) or JSON file over the defaults. */
  public static PruneConfig load(Path file) {
    return load(ConfigFile.read(file));
  }

  /** A parsed config file over the defaults. */
  static PruneConfig load(ConfigFile file) {
    PruneKeys k = file.bind(PruneKeys.class, PruneKeys.DEFAULTS);
    try {
      return new PruneConfig(k);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A copy with one key set ({@code refine.layers} for a key of the {@code refine:} block; text is
   * read as the key's type, as {@code --set key=value} gives it; null restores the default); an
   * unknown key is an error.
   */
  public PruneConfig with(String key, Object value) {
    return new PruneConfig(ConfigValues.with(keys, PruneKeys.class, key, value, PruneKeys.DEFAULTS));
  }

  /** Every key with its value, in the defaults' order (for reports). */
  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(ConfigValues.toMap(keys));
  }

  /** The model to prune: {@code default} or a model file. */
  public String model() {
    return keys.model();
  }

  /** The selection settings. */
  public PruneSettings settings() {
    CapacityOptions cap = new CapacityOptions(ExactK.parse(keys.exactK()), keys.maxSteps(), keys.polish(),
        CapacityOptions.defaults().maxSwaps());
    return new PruneSettings(Method.parse(keys.method()), keys.sparsity(), keys.alpha(), keys.beta(),
        HybridQubo.Redundancy.parse(keys.redundancy()), Normalisation.parse(keys.normalisation()),
        keys.minUnitsPerLayer(), keys.maxLayerPrune(), cap, budget());
  }

  /**
   * The compute budget ({@code flops: 0.5}, {@code params: 0.5} or {@code latency: 0.6}: that
   * fraction of the unpruned network, within {@code budget_tolerance} of it), or null to keep a
   * number of units. With flops or params, a latency given too is a cap ({@link #latencyCap}), not
   * the budget.
   */
  public Budget budget() {
    Double f = keys.flops();
    Double p = keys.params();
    if (f != null && p != null) {
      throw new InvalidInputException("Give one budget, flops or params, not both (flops " + f + ", params " + p + ")");
    }
    if (f == null && p == null) {
      return keys.latency() == null ? null : new Budget(CostKind.LATENCY, keys.latency(), keys.budgetTolerance());
    }
    CostKind kind = f != null ? CostKind.FLOPS : CostKind.PARAMS;
    return new Budget(kind, f != null ? f : p, keys.budgetTolerance());
  }

  /**
   * The latency cap beside a flops or params budget (at most that fraction of the unpruned
   * network's fitted latency), or null.
   */
  public Double latencyCap() {
    Double cap = keys.flops() != null || keys.params() != null ? keys.latency() : null;
    if (cap != null && !(cap > 0 && cap <= 1)) {
      throw new InvalidInputException("A latency cap is a fraction of the unpruned network in (0, 1], got " + cap);
    }
    return cap;
  }

  /** The {@code latency} key as given (the budget alone, a cap beside flops/params), or null. */
  public Double latency() {
    return keys.latency();
  }

  /** Where the fitted latency model is cached (null: {@code ~/.cache/qprune}, one file per model shape). */
  public java.nio.file.Path latencyCache() {
    return keys.latencyCache() == null || keys.latencyCache().isBlank() ? null : java.nio.file.Path.of(keys.latencyCache());
  }

  public int calibrationCrops() {
    return keys.calibrationCrops();
  }

  /** Classifiers: the training images the scores are measured on (drawn with the seed). */
  public int calibrationImages() {
    return keys.calibrationImages();
  }

  public int calibrationSize() {
    return keys.calibrationSize();
  }

  public int calibrationChunk() {
    return keys.calibrationChunk();
  }

  public int pooled() {
    return keys.pooled();
  }

  /**
   * Whether the pruned Half-UNet is evaluated with bias compensation: each pruned unit's mean on the
   * calibration crops folded into its consumers' biases ({@link io.qprune.formulation.model.Denoiser#setCompensation}).
   */
  public boolean biasCompensation() {
    return keys.biasCompensation();
  }

  public boolean centred() {
    return keys.centred();
  }

  public double sigma() {
    double s = keys.sigma();
    if (!(s >= 0)) {
      throw new InvalidInputException("'sigma' must be >= 0, got " + s);
    }
    return s;
  }

  public String solver() {
    return keys.solver();
  }

  /** The solver's parameters (validated by the solver when it is created). */
  public Map<String, Object> solverParameters() {
    return keys.solverParameters();
  }

  /** The time limit of each solver call in seconds, or null. */
  public Double timeLimit() {
    Double t = keys.timeLimit();
    if (t != null && !(t > 0)) {
      throw new InvalidInputException("'time_limit' must be a positive number of seconds, got " + t);
    }
    return t;
  }

  /** A solver request seeded with {@code seed}, with the config's time limit when it has one. */
  public SolveRequest solveRequest(long seed) {
    SolveRequest req = SolveRequest.seeded(seed);
    Double t = timeLimit();
    return t == null ? req : req.withTimeLimitSeconds(t);
  }

  /** The seed of the calibration crops and of the solver. */
  public long seed() {
    return keys.seed();
  }

  /** The seed of the validation/test noise (fixed so every method sees the same images). */
  public long evalSeed() {
    return keys.evalSeed();
  }

  /**
   * How many photos of each split validation and test scores use: 0 (the default) all of them,
   * N the N smallest (by pixels; for quick runs and tests).
   */
  public int evalPhotos() {
    int n = keys.evalPhotos();
    if (n < 0) {
      throw new InvalidInputException("'eval_photos' must be 0 (all photos) or a positive count, got " + n);
    }
    return n;
  }

  /** Whether {@code prune} scores the pruned network on the validation and test photos. */
  public boolean evaluate() {
    return keys.evaluate();
  }

  /**
   * Where black-box evaluations run: {@code local} (this process, the default), {@code local[N]},
   * {@code local[*]} or {@code spark://host:port} (with qprune-cluster-spark on the class path).
   */
  public String cluster() {
    String s = keys.cluster();
    if (s == null || s.isBlank()) {
      throw new InvalidInputException("'cluster' must be local, local[N], local[*] or spark://host:port, got " + s);
    }
    io.qprune.api.cluster.Clusters.validate(s);
    return s.strip();
  }

  /** The TT-refinement stage's settings (the {@code refine:} block; off by default). */
  public RefineSettings refine() {
    return keys.refine();
  }

  public int threads() {
    return keys.threads();
  }

  private static void positive(String key, int v) {
    if (v < 1) {
      throw new InvalidInputException("'" + key + "' must be >= 1, got " + v);
    }
  }
}
