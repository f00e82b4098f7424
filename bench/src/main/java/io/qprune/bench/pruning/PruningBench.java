package io.qprune.bench.pruning;

import io.qprune.api.Solver;

import io.qprune.api.SolveRequest;
import io.qprune.formulation.data.FixedCrops;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.EvalReport;
import io.qprune.formulation.eval.Evaluation;
import io.qprune.formulation.eval.MaskEvaluator;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.NetworkCosts;
import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.train.BnRecalibration;
import io.qprune.formulation.train.FineTune;
import io.qprune.formulation.prune.EvalPhotos;
import io.qprune.formulation.prune.Method;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.prune.PruneSettings;
import io.qprune.formulation.prune.Pruned;
import io.qprune.formulation.prune.Pruner;
import io.qprune.formulation.refine.RefineSettings;
import io.qprune.formulation.refine.Refined;
import io.qprune.formulation.refine.Refiner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pruning comparison: for each seed, one calibration (scores and similarity); for each
 * sparsity, the hybrid's α/β tuned on validation crops (for that seed's scores), then every method
 * through the same pipeline, scored on the whole test photos. Never looks at test data to choose.
 */
public final class PruningBench {
  /** Every run, the sweep, and the unpruned reference. */
  public record Outcome(List<RunRow> rows, List<SweepPoint> sweep, RunRow unpruned) {}

  private final Denoiser model;
  private final PruneConfig base;
  private final Solver solver;
  private final BenchOptions options;
  private final PrintWriter log;
  private MaskCost cost;

  public PruningBench(Denoiser model, PruneConfig base, Solver solver, BenchOptions options,
      PrintWriter log) {
    this.model = model;
    this.base = base;
    this.solver = solver;
    this.options = options;
    this.log = log;
  }

  /** Runs the comparison; the model's mask is restored to keep-all afterwards. */
  public Outcome run() {
    if (base.biasCompensation()) {
      throw new io.qprune.api.InvalidInputException("bench pruning does not apply bias compensation yet (bias_compensation:"
          + " true / --compensation). Maybe compare with `qprune prune --compensation`, or set bias_compensation: false.");
    }
    byte[] weights = options.fineTuneSteps() > 0 || options.bnBatches() > 0 ? weights() : null;
    var noise = PruneRun.noise(base);
    List<NoisyPair> test = EvalPhotos.of(Split.TEST, model.spec().color(), noise, base.evalSeed(), base.evalPhotos());
    List<NoisyPair> valCrops = FixedCrops.of(ShippedPhotos.load(Split.VAL, model.spec().color()),
        options.valCrops(), options.valCropSize(), noise, base.evalSeed());
    Mask all = Mask.all(model.units().size());
    Cost full = model.fullCost();
    // a latency key beside flops/params levels is a cap on them
    cost = options.budget() == null ? null : PruneRun.costOf(model, options.budget(),
        options.budget() == io.qprune.formulation.cost.CostKind.LATENCY ? null : base.latency(), base);
    List<RunRow> rows = new ArrayList<>();
    List<SweepPoint> sweep = new ArrayList<>();
    Map<String, double[]> tuned = new HashMap<>();
    Map<String, Double> tunedLinear = new HashMap<>();
    try (MaskEvaluator val = new MaskEvaluator(model, valCrops)) {
      long t = System.nanoTime();
      model.setMask(all);
      EvalReport ref = Evaluation.run(model, test);
      RunRow unpruned = new RunRow("unpruned", 0, 0, Double.NaN, Double.NaN, all.size(), all.size(),
          1, 1, val.psnr(all), ref.psnr(), ref.ssim(), 0, 0, secs(t), true, true, all);
      say("unpruned: test PSNR %.3f dB, SSIM %.4f (%.1f s)", ref.psnr(), ref.ssim(), secs(t));
      for (long seed = 1; seed <= options.seeds(); seed++) {
        PruneConfig cfg = base.with("seed", seed);
        t = System.nanoTime();
        ScoreSet scores = PruneRun.calibrate(model, cfg);
        double scoreSecs = secs(t);
        say("seed %d: scores and similarity in %.1f s", seed, scoreSecs);
        Pruner pruner = new Pruner(solver);
        SolveRequest req = cfg.solveRequest(seed);
        for (double sp : options.sparsities()) {
          PruneSettings s0 = options.budget() == null ? cfg.settings().withSparsity(sp)
              : cfg.settings().withBudget(new Budget(options.budget(), sp, cfg.settings().budget() == null
                  ? Budget.DEFAULT_TOLERANCE : cfg.settings().budget().tolerance()));
          String key = seed + "@" + sp;
          if (options.tune() && !tuned.containsKey(key)
              && (options.methods().contains(Method.HYBRID) || options.methods().contains(Method.LINEAR))) {
            tune(pruner, scores, s0, req, val, seed, sp, sweep, tuned, tunedLinear, key);
          }
          for (Method m : options.methods()) {
            PruneSettings s = s0.withMethod(m);
            if (m == Method.HYBRID && tuned.containsKey(key)) {
              s = s.withAlphaBeta(tuned.get(key)[0], tuned.get(key)[1]);
            } else if (m == Method.LINEAR && tunedLinear.containsKey(key)) {
              s = s.withAlphaBeta(tunedLinear.get(key), 0);
            }
            long t1 = System.nanoTime();
            Pruned pruned = pruner.prune(scores, s, req, cost);
            RunRow row = one(pruned, secs(t1), s, val, test, full, seed, scoreSecs);
            rows.add(row);
            if (m == Method.HYBRID) {
              for (int layers : options.refineLayers()) {
                rows.add(refined(pruned, row, layers, cfg, s, val, test, full));
              }
            }
            final long sd = seed;
            if (options.bnBatches() > 0) {
              rows.add(repaired(weights, row, "+bn", test, seed, copy -> BnRecalibration.run(copy,
                  options.bnBatches(), 16, 64, PruneRun.noise(base), sd)));
            }
            if (options.fineTuneSteps() > 0) {
              rows.add(repaired(weights, row, "+ft", test, seed, copy -> FineTune.run(copy,
                  options.fineTuneSteps(), options.fineTuneLr(), 16, 64, PruneRun.noise(base), sd)));
            }
          }
        }
      }
      model.setMask(all);
      return new Outcome(rows, sweep, unpruned);
    } finally {
      model.setMask(all);
    }
  }

  private void tune(Pruner pruner, ScoreSet scores, PruneSettings s0, SolveRequest req,
      MaskEvaluator val, long seed, double sp, List<SweepPoint> sweep, Map<String, double[]> tuned,
      Map<String, Double> tunedLinear, String key) {
    long t = System.nanoTime();
    AlphaBetaSweep.Best best = AlphaBetaSweep.run(options.alphas(), options.betas(),
        (a, b) -> pruner.prune(scores, s0.withMethod(Method.HYBRID).withAlphaBeta(a, b), req, cost).selection().mask(),
        val::psnr, sp, seed, sweep);
    tuned.put(key, new double[] {best.alpha(), best.beta()});
    if (best.linearAlpha() != null) {
      tunedLinear.put(key, best.linearAlpha());
    }
    say("seed %d sparsity %.2f: tuned on %d validation crops: alpha %.2f, beta %.3g (val PSNR %.3f dB;"
        + " %d points, %d distinct masks, %.1f s)", seed, sp, val.crops(), best.alpha(), best.beta(), best.score(),
        options.alphas().size() * options.betas().size(), best.distinct(), secs(t));
  }

  private RunRow one(Pruned p, double select, PruneSettings s, MaskEvaluator val,
      List<NoisyPair> test, Cost full, long seed, double scoreSecs) {
    long t;
    Mask mask = p.selection().mask();
    boolean exact = s.budget() == null ? mask.kept() == s.keep(mask.size())
        : s.budget().within(cost.value(mask), cost.total()) && cost.capExcess(mask.toKeep()) == 0;
    double valPsnr = val.psnr(mask);
    t = System.nanoTime();
    model.setMask(mask);
    EvalReport r = Evaluation.run(model, test);
    double evalSecs = secs(t);
    Cost kept = model.cost(mask);
    boolean usesAb = s.method() == Method.HYBRID || s.method() == Method.LINEAR;
    RunRow row = new RunRow(s.method().toString(), s.budget() == null ? s.sparsity() : s.budget().fraction(), seed,
        usesAb ? s.alpha() : Double.NaN, s.method() == Method.HYBRID ? s.beta() : usesAb ? 0 : Double.NaN,
        mask.kept(), mask.size(), kept.paramsFraction(full), kept.flopsFraction(full), valPsnr,
        r.psnr(), r.ssim(), scoreSecs, select, evalSecs, exact, p.selection().solverHitK(), mask);
    say("seed %d %s %.2f %-8s kept %d/%d (params %.1f %%, FLOPs %.1f %%): val %.3f, test PSNR %.3f dB SSIM %.4f"
        + " (select %.2f s, eval %.1f s)", seed, s.budget() == null ? "sparsity" : s.budget().kind() + " budget",
        row.sparsity(), s.method(), mask.kept(), mask.size(), 100 * row.paramsFraction(), 100 * row.flopsFraction(),
        valPsnr, r.psnr(), r.ssim(), select, evalSecs);
    return row;
  }

  /**
   * The hybrid row's mask refined by TT on {@code layers} layers (0: all), scored on test; under a
   * budget every mask the refinement scores keeps it (and the row's guards).
   */
  private RunRow refined(Pruned p, RunRow row, int layers, PruneConfig cfg, PruneSettings s, MaskEvaluator val,
      List<NoisyPair> test, Cost full) {
    RefineSettings rs = cfg.refine().with("enabled", true).with("layers", layers)
        .with("budget", options.refineBudget());
    Refined r = new Refiner(rs, row.seed()).withBudget(PruneRun.costLimit(cost, s, UnitLayout.of(model)))
        .run(val, model.layers(), p.qubo(), row.mask(), null, false, (i, e, b, best) -> { });
    boolean exact = s.budget() == null ? row.exactK()
        : s.budget().within(cost.value(r.mask()), cost.total()) && cost.capExcess(r.mask().toKeep()) == 0;
    long t = System.nanoTime();
    model.setMask(r.mask());
    EvalReport e = Evaluation.run(model, test);
    double evalSecs = secs(t);
    String name = row.method() + "+tt" + (layers == 0 || layers >= model.layers().size() ? "-all" : layers);
    say("seed %d sparsity %.2f %-13s %d units in %s: val %.3f -> %.3f, test PSNR %.3f dB (%+.3f)"
        + " SSIM %.4f (%d evaluations, %.2f /s, %.1f s)", row.seed(), row.sparsity(), name, r.units(),
        String.join(",", r.layers()), r.valBefore(), r.valAfter(), e.psnr(), e.psnr() - row.testPsnr(),
        e.ssim(), r.result().evaluations(), r.evaluationsPerSecond(), r.seconds());
    Cost kept = model.cost(r.mask());
    return new RunRow(name, row.sparsity(), row.seed(), row.alpha(), row.beta(), r.mask().kept(),
        r.mask().size(), kept.paramsFraction(full), kept.flopsFraction(full), r.valAfter(), e.psnr(),
        e.ssim(), row.scoreSeconds(), row.selectSeconds() + r.seconds(), evalSecs, exact,
        row.solverReturnedK(), r.mask());
  }

  private byte[] weights() {
    try {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      ModelFile.write(model, b);
      return b.toByteArray();
    } catch (java.io.IOException e) {
      throw new io.qprune.api.QpruneException("Cannot copy the model: " + e.getMessage(), e);
    }
  }

  /** The row's mask on a fresh copy of the weights, repaired by {@code step}, scored on test. */
  private RunRow repaired(byte[] weights, RunRow row, String suffix, List<NoisyPair> test,
      long seed, java.util.function.Consumer<Denoiser> step) {
    long t = System.nanoTime();
    try (Denoiser copy = ModelFile.read(new java.io.ByteArrayInputStream(weights), "model copy")) {
      copy.setMask(row.mask());
      step.accept(copy);
      EvalReport r = Evaluation.run(copy, test);
      double secs = secs(t);
      say("seed %d sparsity %.2f %-11s test PSNR %.3f dB SSIM %.4f (%.1f s)", seed,
          row.sparsity(), row.method() + suffix, r.psnr(), r.ssim(), secs);
      return new RunRow(row.method() + suffix, row.sparsity(), seed, row.alpha(), row.beta(),
          row.keptUnits(), row.units(), row.paramsFraction(), row.flopsFraction(), Double.NaN,
          r.psnr(), r.ssim(), row.scoreSeconds(), row.selectSeconds(), secs, row.exactK(),
          row.solverReturnedK(), row.mask());
    } catch (java.io.IOException e) {
      throw new io.qprune.api.QpruneException("Cannot copy the model: " + e.getMessage(), e);
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
