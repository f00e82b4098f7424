package io.qprune.formulation.prune;

import io.qprune.api.Capability;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Solver;
import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.cost.CappedCost;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.cost.LatencyFit;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.NetworkCosts;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.importance.Calibrator;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.SlimResNet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Filter pruning of a ResNet classifier, stage by stage: scores and similarity of its channel
 * units on random training images (the config's seed), the selection by the config's method (unit
 * count or compute budget, exactly as for a denoiser, through {@link Pruner}), then top-1 accuracy
 * of the cut network on the validation and test splits.
 */
public final class ClassifierPruneRun {
  /** Evaluation batch. */
  public static final int BATCH = 500;
  /** The batch a classifier's latency budget is fitted and measured on (images per forward, 1 thread). */
  public static final int LATENCY_BATCH = 64;

  /**
   * What the run produced; FLOPs per image, seconds per stage; the latency fit's predicted ms per
   * batch of the mask and of the unpruned network (NaN without a latency budget or cap).
   */
  public record Result(ScoreSet scores, Pruned pruned, double fullFlops, double keptFlops, double fullParams,
      double keptParams, double valAccuracy, double testAccuracy, double latencyMs, double fullLatencyMs,
      Map<String, Double> seconds) {
    public Result {
      seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
  }

  private ClassifierPruneRun() {}

  /** Whether the config's model names a classifier: {@code resnet20} or a classifier file. */
  public static boolean isClassifier(String model) {
    return model.equals("resnet20") || (!model.equals("default")
        && io.qprune.formulation.model.ClassifierFile.isClassifier(java.nio.file.Path.of(model)));
  }

  /** {@code count} distinct images of {@code train} drawn with {@code seed} (all of them when fewer). */
  public static LabelledImages calibrationImages(LabelledImages train, int count, long seed) {
    int n = train.count();
    int m = Math.min(count, n);
    int[] idx = java.util.stream.IntStream.range(0, n).toArray();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < m; i++) {
      int j = i + r.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return train.select(java.util.Arrays.copyOf(idx, m), "calibration (" + m + " of " + train.source()
        + ", seed " + seed + ")");
  }

  /** Scores and similarity on the unpruned network (whatever mask it holds; restored afterwards). */
  public static ScoreSet calibrate(Classifier model, LabelledImages train, PruneConfig cfg) {
    LabelledImages images = calibrationImages(train, cfg.calibrationImages(), cfg.seed());
    Mask before = model.channelMask();
    model.setChannelMask(Mask.all(model.channelUnits()));
    try {
      return new Calibrator(cfg.calibrationChunk(), cfg.pooled(), cfg.centred()).measure(model, images);
    } finally {
      model.setChannelMask(before);
    }
  }

  /** The classifier's exact cost of {@code kind} over its channel units. */
  public static QuadraticCost cost(Classifier model, CostKind kind) {
    return NetworkCosts.of(model.spec(), kind);
  }

  /** Top-1 accuracy of {@code model} under {@code mask} on {@code data}, through the cut network. */
  public static double accuracy(Classifier model, Mask mask, LabelledImages data) {
    try (SlimResNet slim = model.cut(mask)) {
      return model.accuracy(slim, data, BATCH);
    }
  }

  /** Runs every stage with the solver's own capabilities; the model's channel mask is the selected one afterwards. */
  public static Result run(Classifier model, FashionMnist.Splits data, PruneConfig cfg, Solver solver,
      PruneRun.Progress progress) {
    return run(model, data, cfg, solver, solver.capabilities(), progress);
  }

  /** Runs every stage; the model's channel mask is the selected one afterwards. */
  public static Result run(Classifier model, FashionMnist.Splits data, PruneConfig cfg, Solver solver,
      Set<Capability> caps, PruneRun.Progress progress) {
    if (cfg.refine().enabled()) {
      throw new InvalidInputException("TT refinement is for denoisers (it scores validation PSNR);"
          + " set refine.enabled=false to prune a classifier");
    }
    PruneRun.Stages stages = new PruneRun.Stages(progress);
    boolean timed = cfg.latencyCap() != null || (cfg.budget() != null && cfg.budget().kind() == CostKind.LATENCY);
    QuadraticCost latency = timed ? stages.run("latency_fit", () -> latencyFit(model, cfg).cost(model)) : null;
    ScoreSet scores = stages.run("scores", () -> calibrate(model, data.train(), cfg));
    QuadraticCost flops = cost(model, CostKind.FLOPS);
    QuadraticCost params = cost(model, CostKind.PARAMS);
    MaskCost budgetCost = cfg.budget() == null ? null : switch (cfg.budget().kind()) {
      case FLOPS -> flops;
      case PARAMS -> params;
      case LATENCY -> latency;
    };
    if (cfg.latencyCap() != null) {
      budgetCost = new CappedCost(budgetCost, java.util.List.of(new CappedCost.Cap(latency, cfg.latencyCap())));
    }
    MaskCost cost = budgetCost;
    Pruned pruned = stages.run("select",
        () -> new Pruner(solver, caps).prune(scores, cfg.settings(), cfg.solveRequest(cfg.seed()), cost));
    Mask mask = pruned.selection().mask();
    model.setChannelMask(mask);
    double val = Double.NaN;
    double test = Double.NaN;
    if (cfg.evaluate()) {
      val = stages.run("validation", () -> accuracy(model, mask, data.validation()));
      test = stages.run("test", () -> accuracy(model, mask, data.test()));
    }
    return new Result(scores, pruned, flops.total(), flops.value(mask), params.total(), params.value(mask), val,
        test, timed ? latency.value(mask) : Double.NaN, timed ? latency.total() : Double.NaN, stages.seconds());
  }

  /**
   * The fitted latency of {@code model}'s cut networks on this machine (1 PyTorch thread, batches of
   * {@value #LATENCY_BATCH}), from the config's cache file (or the default one), measured when the
   * cache does not match.
   */
  public static LatencyFit latencyFit(Classifier model, PruneConfig cfg) {
    java.nio.file.Path cache = cfg.latencyCache() != null ? cfg.latencyCache()
        : LatencyFit.defaultCache(model, 1, LATENCY_BATCH);
    return LatencyFit.forClassifier(model, cache, 1, LATENCY_BATCH, false, false);
  }
}
