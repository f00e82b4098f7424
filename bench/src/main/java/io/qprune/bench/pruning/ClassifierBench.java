package io.qprune.bench.pruning;

import io.qprune.api.Solver;

import io.qprune.api.QpruneException;
import io.qprune.api.SolveRequest;
import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.CappedCost;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.ClassifierPruneRun;
import io.qprune.formulation.prune.Method;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneSettings;
import io.qprune.formulation.prune.Pruned;
import io.qprune.formulation.prune.Pruner;
import io.qprune.formulation.train.BnRecalibration;
import io.qprune.formulation.train.ClassifierFineTune;
import io.qprune.formulation.train.TrainListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pruning comparison on a ResNet classifier's filters: for each seed one calibration on random
 * training images; for each level (a budget fraction, or a unit sparsity without a budget) the
 * hybrid's α/β tuned on validation images, then every method through the same {@link Pruner},
 * scored by the test accuracy of the cut network; optionally, on a fresh copy of the weights, a
 * batch-norm recalibration (rows {@code method+bn}; the hybrid's α/β are then chosen on validation
 * accuracy after it) and a short fine-tune (rows {@code method+ft}). Never looks at test data to choose.
 */
public final class ClassifierBench {
  /**
   * Every run and the unpruned reference; {@code runs}: the unpruned network and every method's mask
   * with its test accuracy, for {@code masks.json} ({@link MeasuredLatency}); a repaired row ({@code
   * +bn}, {@code +ft}) is a run of its own with the same mask (the weights differ, the shape does not).
   */
  public record Outcome(List<ClassifierRow> rows, List<SweepPoint> sweep, ClassifierRow unpruned,
      List<MeasuredLatency.Run> runs) {}

  private final Classifier model;
  private final FashionMnist.Splits data;
  private final PruneConfig base;
  private final Solver solver;
  private final BenchOptions options;
  private final int valImages;
  private final PrintWriter log;
  private byte[] weights;

  public ClassifierBench(Classifier model, FashionMnist.Splits data, PruneConfig base, Solver solver,
      BenchOptions options, int valImages, PrintWriter log) {
    this.model = model;
    this.data = data;
    this.base = base;
    this.solver = solver;
    this.options = options;
    this.valImages = valImages;
    this.log = log;
  }

  public Outcome run() {
    LabelledImages val = data.validation().slice(0, Math.min(valImages, data.validation().count()),
        "validation[0:" + Math.min(valImages, data.validation().count()) + "]");
    QuadraticCost flops = ClassifierPruneRun.cost(model, CostKind.FLOPS);
    QuadraticCost params = ClassifierPruneRun.cost(model, CostKind.PARAMS);
    // a latency key beside flops/params levels is a cap on them
    Double cap = options.budget() == null || options.budget() == CostKind.LATENCY ? null : base.latency();
    QuadraticCost latency = options.budget() == CostKind.LATENCY || cap != null
        ? ClassifierPruneRun.latencyFit(model, base).cost(model) : null;
    MaskCost primary = options.budget() == null ? null : switch (options.budget()) {
      case FLOPS -> flops;
      case PARAMS -> params;
      case LATENCY -> latency;
    };
    MaskCost cost = cap == null ? primary : new CappedCost(primary, List.of(new CappedCost.Cap(latency, cap)));
    weights = options.fineTuneSteps() > 0 || options.bnBatches() > 0 ? weights() : null;
    Mask all = Mask.all(model.channelUnits());
    long t = System.nanoTime();
    double refTest = ClassifierPruneRun.accuracy(model, all, data.test());
    ClassifierRow unpruned = new ClassifierRow("unpruned", 0, 0, Double.NaN, Double.NaN, all.size(), all.size(), 1,
        1, true, ClassifierPruneRun.accuracy(model, all, val), refTest, 0, 0, secs(t));
    say("unpruned: test accuracy %.2f %% (%d images, %.1f s)", 100 * refTest, data.test().count(), secs(t));
    List<ClassifierRow> rows = new ArrayList<>();
    List<MeasuredLatency.Run> runs = new ArrayList<>();
    runs.add(new MeasuredLatency.Run("unpruned", 0, 0, 1, refTest, all));
    List<SweepPoint> sweep = new ArrayList<>();
    for (long seed = 1; seed <= options.seeds(); seed++) {
      PruneConfig cfg = base.with("seed", seed);
      t = System.nanoTime();
      ScoreSet scores = ClassifierPruneRun.calibrate(model, data.train(), cfg);
      double scoreSecs = secs(t);
      say("seed %d: scores and similarity on %d training images in %.1f s", seed, cfg.calibrationImages(), scoreSecs);
      Pruner pruner = new Pruner(solver);
      SolveRequest req = cfg.solveRequest(seed);
      for (double level : options.sparsities()) {
        PruneSettings s0 = options.budget() == null ? cfg.settings().withSparsity(level)
            : cfg.settings().withBudget(new Budget(options.budget(), level, cfg.settings().budget() == null
                ? Budget.DEFAULT_TOLERANCE : cfg.settings().budget().tolerance()));
        AlphaBetaSweep.Best tuned = null;
        if (options.tune() && (options.methods().contains(Method.HYBRID) || options.methods().contains(Method.LINEAR))) {
          tuned = tune(pruner, scores, s0, req, cost, val, seed, level, sweep);
        }
        for (Method m : options.methods()) {
          PruneSettings s = s0.withMethod(m);
          if (m == Method.HYBRID && tuned != null) {
            s = s.withAlphaBeta(tuned.alpha(), tuned.beta());
          } else if (m == Method.LINEAR && tuned != null && tuned.linearAlpha() != null) {
            s = s.withAlphaBeta(tuned.linearAlpha(), 0);
          }
          long t1 = System.nanoTime();
          Pruned p = pruner.prune(scores, s, req, cost);
          double select = secs(t1);
          Mask mask = p.selection().mask();
          t1 = System.nanoTime();
          double test = ClassifierPruneRun.accuracy(model, mask, data.test());
          double evalSecs = secs(t1);
          boolean usesAb = m == Method.HYBRID || m == Method.LINEAR;
          boolean within = s.budget() == null ? mask.kept() == s.keep(mask.size())
              : s.budget().within(cost.value(mask), cost.total()) && cost.capExcess(mask.toKeep()) == 0;
          ClassifierRow row = new ClassifierRow(m.toString(), level, seed, usesAb ? s.alpha() : Double.NaN,
              usesAb ? (m == Method.HYBRID ? s.beta() : 0) : Double.NaN, mask.kept(), mask.size(),
              params.value(mask) / params.total(), flops.value(mask) / flops.total(), within,
              ClassifierPruneRun.accuracy(model, mask, val), test, scoreSecs, select, evalSecs);
          rows.add(row);
          runs.add(new MeasuredLatency.Run(m.toString(), level, seed, row.flopsFraction(), test, mask));
          say("seed %d level %.2f %-8s kept %d/%d units (params %.1f %%, FLOPs %.2f %%): val %.2f %%, test %.2f %%"
              + " (select %.2f s, eval %.1f s)", seed, level, m, mask.kept(), mask.size(), 100 * row.paramsFraction(),
              100 * row.flopsFraction(), 100 * row.valAccuracy(), 100 * test, select, evalSecs);
          if (options.bnBatches() > 0) {
            t1 = System.nanoTime();
            double bn = repairedAccuracy(mask, seed, data.test(), false);
            rows.add(repairedRow(row, "+bn", bn, secs(t1)));
            runs.add(new MeasuredLatency.Run(m + "+bn", level, seed, row.flopsFraction(), bn, mask));
          }
          if (options.fineTuneSteps() > 0) {
            t1 = System.nanoTime();
            double ft = repairedAccuracy(mask, seed, data.test(), true);
            rows.add(repairedRow(row, "+ft", ft, secs(t1)));
            runs.add(new MeasuredLatency.Run(m + "+ft", level, seed, row.flopsFraction(), ft, mask));
          }
        }
      }
    }
    return new Outcome(rows, sweep, unpruned, runs);
  }

  /** The hybrid's α/β sweep on validation images (after BN recalibration when the bench does it). */
  private AlphaBetaSweep.Best tune(Pruner pruner, ScoreSet scores, PruneSettings s0, SolveRequest req,
      MaskCost cost, LabelledImages val, long seed, double level, List<SweepPoint> sweep) {
    long t = System.nanoTime();
    AlphaBetaSweep.Best best = AlphaBetaSweep.run(options.alphas(), options.betas(),
        (a, b) -> pruner.prune(scores, s0.withMethod(Method.HYBRID).withAlphaBeta(a, b), req, cost).selection().mask(),
        k -> options.bnBatches() > 0 ? repairedAccuracy(k, seed, val, false) : ClassifierPruneRun.accuracy(model, k, val),
        level, seed, sweep);
    say("seed %d level %.2f: tuned on %d validation images%s: alpha %.2f, beta %.3g (val %.2f %%; %d points, %d"
        + " distinct masks, %.1f s)", seed, level, val.count(), options.bnBatches() > 0 ? " after BN recalibration"
        : "", best.alpha(), best.beta(), 100 * best.score(), options.alphas().size() * options.betas().size(),
        best.distinct(), secs(t));
    return best;
  }

  /**
   * The accuracy on {@code on} of a fresh copy of the weights under {@code mask}, repaired by BN
   * recalibration (the bench's batches of 64 training images) or by the short fine-tune.
   */
  private double repairedAccuracy(Mask mask, long seed, LabelledImages on, boolean fineTune) {
    try (Classifier copy = ClassifierFile.read(new ByteArrayInputStream(weights), "model copy")) {
      copy.setChannelMask(mask);
      if (fineTune) {
        ClassifierFineTune.run(copy, null, data.train(), options.fineTuneSteps(), options.fineTuneLr(), seed,
            TrainListener.none());
      } else {
        BnRecalibration.run(copy, data.train(), options.bnBatches(), 64, seed);
      }
      return ClassifierPruneRun.accuracy(copy, mask, on);
    } catch (IOException e) {
      throw new QpruneException("Cannot copy the model: " + e.getMessage(), e);
    }
  }

  private ClassifierRow repairedRow(ClassifierRow row, String suffix, double test, double secs) {
    say("seed %d level %.2f %-11s test %.2f %% (%.1f s)", row.seed(), row.level(), row.method() + suffix, 100 * test,
        secs);
    return new ClassifierRow(row.method() + suffix, row.level(), row.seed(), row.alpha(), row.beta(), row.keptUnits(),
        row.units(), row.paramsFraction(), row.flopsFraction(), row.withinBudget(), Double.NaN, test,
        row.scoreSeconds(), row.selectSeconds(), secs);
  }

  private byte[] weights() {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      ClassifierFile.write(model, b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new QpruneException("Cannot copy the model: " + e.getMessage(), e);
    }
  }

  private void say(String format, Object... args) {
    log.printf(Locale.ROOT, format + "%n", args);
    log.flush();
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
