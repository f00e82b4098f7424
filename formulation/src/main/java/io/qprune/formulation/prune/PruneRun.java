package io.qprune.formulation.prune;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.EvalReport;
import io.qprune.formulation.eval.Evaluation;
import io.qprune.formulation.importance.Calibrator;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.CappedCost;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.cost.LatencyCosts;
import io.qprune.formulation.cost.LatencyFit;
import io.qprune.formulation.cost.NetworkCosts;
import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.UnitMeans;
import io.qprune.api.Qubo;
import io.qprune.formulation.data.FixedCrops;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.api.cluster.Cluster;
import io.qprune.api.cluster.Clusters;
import io.qprune.formulation.eval.MaskEvaluator;
import io.qprune.formulation.eval.ValidationRecipe;
import io.qprune.formulation.refine.RefineSettings;
import io.qprune.formulation.refine.Refined;
import io.qprune.formulation.refine.Refiner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One pruning run of a network, stage by stage: calibrate (scores and similarity), select
 * exactly k units, optionally measure the unit means for bias compensation ({@code
 * bias_compensation: true}; the model keeps it on afterwards), then score the pruned network on the
 * validation and test photos.
 */
public final class PruneRun {
  /** Receives stage progress (start and end of each stage). */
  public interface Progress {
    void started(String stage);

    void finished(String stage, double seconds);

    /** One refinement iteration done (nothing by default). */
    default void refining(int iteration, long evaluations, long budget, double bestPsnr) {}

    /** Progress that reports only refinement iterations, to {@code listener}. */
    static Progress ofRefining(Refiner.Progress listener) {
      return new Progress() {
        @Override
        public void started(String stage) {}

        @Override
        public void finished(String stage, double seconds) {}

        @Override
        public void refining(int iteration, long evaluations, long budget, double bestPsnr) {
          listener.iteration(iteration, evaluations, budget, bestPsnr);
        }
      };
    }

    /** Progress that reports nothing. */
    static Progress none() {
      return new Progress() {
        @Override
        public void started(String stage) {}

        @Override
        public void finished(String stage, double seconds) {}
      };
    }
  }

  /**
   * What the run produced, with the wall time of each stage in seconds (no evaluations when off);
   * with refinement, {@code refined} and the QUBO mask's own scores ({@code valBefore},
   * {@code testBefore}), and {@code val}/{@code test} are the refined mask's.
   */
  public record Result(ScoreSet scores, Pruned pruned, Cost full, Cost kept, EvalReport val,
      EvalReport test, Map<String, Double> seconds, Refined refined, EvalReport valBefore,
      EvalReport testBefore) {
    public Result {
      seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
  }

  private PruneRun() {}

  /** The noise model of the config (Gaussian, σ in 0–255 units). */
  public static Noise noise(PruneConfig cfg) {
    return new GaussianNoise(cfg.sigma());
  }

  /**
   * Scores and similarity of the model's units on the config's calibration crops, always measured
   * on the unpruned network (whatever mask the model holds; it is restored afterwards).
   */
  public static ScoreSet calibrate(Denoiser model, PruneConfig cfg) {
    return calibrate(model, cfg, null);
  }

  /** {@link #calibrate(Denoiser, PruneConfig)} adding the units' outputs to {@code means} (may be null). */
  public static ScoreSet calibrate(Denoiser model, PruneConfig cfg, UnitMeans.Accumulator means) {
    List<NoisyPair> crops = calibrationCrops(model, cfg);
    return unpruned(model,
        () -> new Calibrator(cfg.calibrationChunk(), cfg.pooled(), cfg.centred()).measure(model, crops, means));
  }

  /** {@code body}'s value computed with every unit of {@code model} kept; its mask is restored afterwards. */
  private static <T> T unpruned(Denoiser model, Supplier<T> body) {
    Mask before = model.mask();
    model.setMask(Mask.all(model.units().size()));
    try {
      return body.get();
    } finally {
      model.setMask(before);
    }
  }

  /** The config's calibration crops (its seed, size, count and noise). */
  public static List<NoisyPair> calibrationCrops(Denoiser model, PruneConfig cfg) {
    return CalibrationCrops.of(model.spec().color(), cfg.calibrationCrops(), cfg.calibrationSize(), noise(cfg),
        cfg.seed());
  }

  /**
   * The calibration means of the unpruned network's units on the config's calibration crops (one
   * forward pass, in chunks of {@code calibration_chunk}), what bias compensation folds in; for
   * callers without a calibration pass ({@link #run} takes them from its calibration).
   */
  public static UnitMeans unitMeans(Denoiser model, PruneConfig cfg) {
    return unpruned(model, () -> UnitMeans.measure(model, calibrationCrops(model, cfg), cfg.calibrationChunk()));
  }

  /** Runs every stage with the solver's own capabilities; the model's mask is the selected one afterwards. */
  public static Result run(Denoiser model, PruneConfig cfg, Solver solver, Progress progress) {
    return run(model, cfg, solver, solver.capabilities(), progress, null, false);
  }

  /** Runs every stage; the model's mask is the selected one afterwards. */
  public static Result run(Denoiser model, PruneConfig cfg, Solver solver, Set<Capability> caps,
      Progress progress) {
    return run(model, cfg, solver, caps, progress, null, false);
  }

  /**
   * Runs every stage, the refinement (when the config enables it) checkpointing into
   * {@code stateDir} (may be null) and resuming from it when {@code resume}.
   */
  public static Result run(Denoiser model, PruneConfig cfg, Solver solver, Set<Capability> caps,
      Progress progress, Path stateDir, boolean resume) {
    Stages stages = new Stages(progress);
    UnitMeans.Accumulator means = cfg.biasCompensation() ? UnitMeans.accumulator() : null;
    ScoreSet scores = stages.run("scores", () -> calibrate(model, cfg, means));
    Pruned pruned = stages.run("select",
        () -> new Pruner(solver, caps).prune(scores, cfg.settings(), cfg.solveRequest(cfg.seed()), costOf(model, cfg)));

    Mask mask = pruned.selection().mask();
    // decoded and made noisy once, scored before and after refinement
    List<NoisyPair> valPhotos = cfg.evaluate() ? photos(Split.VAL, model, cfg) : null;
    List<NoisyPair> testPhotos = cfg.evaluate() ? photos(Split.TEST, model, cfg) : null;
    Refined refined = null;
    EvalReport valBefore = null;
    EvalReport testBefore = null;
    if (cfg.refine().enabled()) {
      if (cfg.evaluate()) {
        model.setMask(mask);
        valBefore = Evaluation.run(model, valPhotos);
        testBefore = Evaluation.run(model, testPhotos);
      }
      Mask start = mask;
      refined = stages.run("refine", () -> refine(model, cfg, pruned.qubo(), start, progress, stateDir, resume));
      mask = refined.mask();
    }
    model.setMask(mask);
    // refinement (and its before-scores) ran uncompensated; only the final mask is compensated
    model.setCompensation(means == null ? null : means.means());
    if (!cfg.evaluate()) {
      return new Result(scores, pruned, model.fullCost(), model.cost(mask), null, null, stages.seconds(), refined,
          null, null);
    }
    EvalReport val = stages.run("validation", () -> Evaluation.run(model, valPhotos));
    EvalReport test = stages.run("test", () -> Evaluation.run(model, testPhotos));
    return new Result(scores, pruned, model.fullCost(), model.cost(mask), val, test, stages.seconds(), refined,
        valBefore, testBefore);
  }

  /** Runs named stages one after another, reporting each to a {@link Progress} and keeping its wall time. */
  static final class Stages {
    private final Progress progress;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    Stages(Progress progress) {
      this.progress = progress;
    }

    /** Runs {@code work} as the stage {@code name}. */
    <T> T run(String name, Supplier<T> work) {
      progress.started(name);
      long t0 = System.nanoTime();
      T out = work.get();
      double s = (System.nanoTime() - t0) / 1e9;
      seconds.put(name, s);
      progress.finished(name, s);
      return out;
    }

    /** The seconds of every stage run so far, in order. */
    Map<String, Double> seconds() {
      return seconds;
    }
  }

  /**
   * The network's cost of the config's budget kind with the config's latency cap, if any
   * ({@link CappedCost}), or null without a budget. A latency budget or cap loads the latency fit
   * ({@link #latencyFit}), measuring it first when its cache does not match.
   */
  public static MaskCost costOf(Denoiser model, PruneConfig cfg) {
    Budget b = cfg.budget();
    return b == null ? null : costOf(model, b.kind(), cfg.latencyCap(), cfg);
  }

  /**
   * The network's {@code kind} cost, capped at {@code latencyCap} of its fitted latency when that is
   * given (null: no cap); the latency fit from {@code cfg}'s cache ({@link #latencyFit}).
   */
  public static MaskCost costOf(Denoiser model, CostKind kind, Double latencyCap, PruneConfig cfg) {
    MaskCost primary = kind == CostKind.LATENCY ? latencyFit(model, cfg).cost(model)
        : NetworkCosts.of(model.spec(), kind);
    return latencyCap == null ? primary
        : new CappedCost(primary, List.of(new CappedCost.Cap(latencyFit(model, cfg).cost(model), latencyCap)));
  }

  /**
   * The fitted latency of {@code model} on this machine (1 PyTorch thread, {@value LatencyCosts#DEFAULT_SIZE}²
   * input), from the config's cache file (or the default one), measured when the cache does not match.
   */
  public static LatencyFit latencyFit(Denoiser model, PruneConfig cfg) {
    int size = LatencyCosts.DEFAULT_SIZE;
    Path cache = cfg.latencyCache() != null ? cfg.latencyCache() : LatencyFit.defaultCache(model, 1, size);
    return LatencyFit.forModel(model, cache, 1, size, false, false);
  }

  /** The whole photos of a split with the config's noise (eval seed): what val/test scores use. */
  public static List<NoisyPair> photos(Split split, Denoiser model, PruneConfig cfg) {
    return EvalPhotos.of(split, model.spec().color(), noise(cfg), cfg.evalSeed(), cfg.evalPhotos());
  }

  /** The refinement stage alone: {@code start} polished on the config's validation crops. */
  public static Refined refine(Denoiser model, PruneConfig cfg, Qubo qubo, Mask start,
      Progress progress, Path stateDir, boolean resume) {
    if (!Clusters.isInProcess(cfg.cluster())) {
      return refineOn(cfg, model, qubo, start, progress, stateDir, resume);
    }
    RefineSettings rs = cfg.refine();
    List<NoisyPair> crops = FixedCrops.of(ShippedPhotos.load(Split.VAL, model.spec().color()),
        rs.valCrops(), rs.valCropSize(), noise(cfg), cfg.evalSeed());
    try (MaskEvaluator val = new MaskEvaluator(model, crops)) {
      return new Refiner(rs, cfg.seed()).withBudget(costLimit(model, cfg)).run(val, model.layers(), qubo, start,
          stateDir, resume, progress::refining);
    }
  }

  /**
   * The config's cost budget as the refinement keeps it (the cost, the budget and the selection's
   * per-layer guards), or null without a budget (the refinement then keeps the unit count).
   */
  public static Refiner.CostLimit costLimit(Denoiser model, PruneConfig cfg) {
    return costLimit(costOf(model, cfg), cfg.settings(), UnitLayout.of(model));
  }

  /** The settings' budget of {@code cost} with their guards over {@code layout}, or null without a budget. */
  public static Refiner.CostLimit costLimit(MaskCost cost, PruneSettings s, UnitLayout layout) {
    return s.budget() == null ? null : new Refiner.CostLimit(cost, s.budget(), s.guards(layout));
  }

  /**
   * The refinement with its evaluations on the config's cluster: each executor rebuilds the same
   * evaluator from the config's model file (not from {@code model}, which only gives the layers).
   */
  private static Refined refineOn(PruneConfig cfg, Denoiser model, Qubo qubo, Mask start, Progress progress,
      Path stateDir, boolean resume) {
    RefineSettings rs = cfg.refine();
    ValidationRecipe recipe = ValidationRecipe.of(cfg.model(), rs.valCrops(), rs.valCropSize(), cfg.sigma(),
        cfg.evalSeed(), cfg.threads());
    try (Cluster cluster = Clusters.open(cfg.cluster())) {
      Refiner.Scorer scorer = (sub, points) -> {
        double[][] rows = cluster.evaluate(recipe.within(sub.start(), sub.freeUnits()), points);
        return java.util.Arrays.stream(rows).mapToDouble(r -> r[0]).toArray();
      };
      return new Refiner(rs, cfg.seed()).withBudget(costLimit(model, cfg)).run(scorer, model.layers(), qubo, start,
          stateDir, resume, progress::refining);
    }
  }
}
