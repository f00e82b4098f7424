package io.qprune.bench.demo;

import io.qprune.api.SolveRequest;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.EvalReport;
import io.qprune.formulation.eval.Evaluation;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.Method;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.prune.PruneSettings;
import io.qprune.formulation.prune.Pruned;
import io.qprune.formulation.prune.Pruner;
import io.qprune.formulation.refine.Refined;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end demonstration on the shipped model and photos: scores once; the hybrid QUBO,
 * greedy Taylor and the HALP-style knapsack at each FLOPs budget (equal cost), the first budget's
 * hybrid mask TT-refined within that budget; greedy Taylor and the hybrid QUBO at each sparsity, TT
 * refinement of the hybrid mask at one sparsity; every mask scored on the test photos beside the
 * unpruned network.
 */
public final class Demo {
  /** What the demo measured, with the masks, the refinement and the wall time of each stage. */
  public record Outcome(DemoRow unpruned, List<DemoRow> rows, List<Refinement> refined, double scoreSeconds,
      double totalSeconds, List<NoisyPair> test) {}

  /** A TT refinement the demo ran and where: "50 % FLOPs" (keeping that budget) or "sparsity 0.36". */
  public record Refinement(String where, Refined refined) {}

  private final Denoiser model;
  private final PruneConfig cfg;
  private final DemoOptions options;
  private final PrintWriter log;

  public Demo(Denoiser model, PruneConfig cfg, DemoOptions options, PrintWriter log) {
    this.model = model;
    this.cfg = cfg.with("seed", options.seed());
    this.options = options;
    this.log = log;
  }

  /** Runs every stage; the model's mask is keep-all afterwards. */
  public Outcome run() {
    if (cfg.biasCompensation()) {
      throw new io.qprune.api.InvalidInputException("The demo does not apply bias compensation yet (bias_compensation:"
          + " true). Maybe use `qprune prune --compensation`, or set bias_compensation: false.");
    }
    long t0 = System.nanoTime();
    List<NoisyPair> test = PruneRun.photos(Split.TEST, model, cfg);
    Mask all = Mask.all(model.units().size());
    Cost full = model.fullCost();
    try {
      DemoRow unpruned = score("unpruned", 0, Double.NaN, all, test, full, 0);
      say("unpruned: test PSNR %.3f dB (noisy input %.3f dB)", unpruned.testPsnr(), noisyPsnr(test));
      long t = System.nanoTime();
      ScoreSet scores = PruneRun.calibrate(model, cfg);
      double scoreSecs = secs(t);
      say("scores and similarity on %d calibration crops in %.1f s", cfg.calibrationCrops(), scoreSecs);
      Pruner pruner = new Pruner(io.qprune.api.Solvers.discover().create(cfg.solver(), cfg.solverParameters()));
      List<DemoRow> rows = new ArrayList<>();
      List<Refinement> refined = new ArrayList<>();
      for (double f : options.flops()) {
        PruneConfig bc = cfg.with("flops", f);
        for (Method m : List.of(Method.HYBRID, Method.TAYLOR, Method.HALP)) {
          t = System.nanoTime();
          Pruned p = pruner.prune(scores, bc.settings().withMethod(m), SolveRequest.seeded(options.seed()),
              PruneRun.costOf(model, bc));
          DemoRow row = score(label(m), 0, f, p.selection().mask(), test, full, secs(t));
          rows.add(row);
          if (m == Method.HYBRID && f == options.flops().get(0) && options.refineBudget() > 0) {
            t = System.nanoTime(); // the headline's hybrid mask, refined within the same FLOPs budget
            Refined r = PruneRun.refine(model, refining(bc), p.qubo(), row.mask(), PruneRun.Progress.ofRefining(this::refining),
                null, false);
            refined.add(new Refinement(String.format(Locale.ROOT, "%.0f %% FLOPs", 100 * f), r));
            rows.add(score("hybrid QUBO + TT", 0, f, r.mask(), test, full, row.seconds() + secs(t)));
          }
        }
      }
      for (double sp : options.sparsities()) {
        for (Method m : List.of(Method.TAYLOR, Method.HYBRID)) {
          PruneSettings s = cfg.settings().withSparsity(sp).withMethod(m);
          t = System.nanoTime();
          Pruned p = pruner.prune(scores, s, SolveRequest.seeded(options.seed()));
          DemoRow row = score(label(m), sp, Double.NaN, p.selection().mask(), test, full, secs(t));
          rows.add(row);
          if (m == Method.HYBRID && sp == options.refineSparsity() && options.refineBudget() > 0) {
            t = System.nanoTime();
            Refined r = PruneRun.refine(model, refining(cfg), p.qubo(), row.mask(), PruneRun.Progress.ofRefining(this::refining),
                null, false);
            refined.add(new Refinement(String.format(Locale.ROOT, "sparsity %.2f", sp), r));
            rows.add(score("hybrid QUBO + TT", sp, Double.NaN, r.mask(), test, full, row.seconds() + secs(t)));
          }
        }
      }
      return new Outcome(unpruned, rows, refined, scoreSecs, secs(t0), test);
    } finally {
      model.setMask(all);
    }
  }

  /** {@code c} with the demo's refinement settings. */
  private PruneConfig refining(PruneConfig c) {
    return c.with("refine.enabled", true).with("refine.layers", options.refineLayers())
        .with("refine.budget", options.refineBudget());
  }

  static String label(Method m) {
    return m == Method.TAYLOR ? "greedy Taylor" : m == Method.HYBRID ? "hybrid QUBO"
        : m == Method.HALP ? "HALP knapsack" : m.toString();
  }

  /** Scores {@code mask}: asked for at sparsity {@code sp}, or (budget not NaN) at {@code sp} of the FLOPs. */
  private DemoRow score(String method, double sp, double budget, Mask mask, List<NoisyPair> test, Cost full,
      double seconds) {
    model.setMask(mask);
    EvalReport r = Evaluation.run(model, test);
    Cost kept = model.cost(mask);
    double sparsity = Double.isNaN(budget) ? sp : 1 - (double) mask.kept() / mask.size();
    DemoRow row = new DemoRow(method, sparsity, budget, mask.kept(), mask.size(), kept.paramsFraction(full),
        kept.flopsFraction(full), r.psnr(), r.ssim(), seconds, mask);
    if (!Double.isNaN(budget)) {
      say("%-17s FLOPs <= %.0f %%: kept %d/%d (FLOPs %.1f %%), test PSNR %.3f dB, SSIM %.4f (%.1f s)", method,
          100 * budget, mask.kept(), mask.size(), 100 * kept.flopsFraction(full), r.psnr(), r.ssim(), seconds);
    } else if (sp > 0) {
      say("%-17s sparsity %.2f: kept %d/%d, test PSNR %.3f dB, SSIM %.4f (%.1f s)", method, sp,
          mask.kept(), mask.size(), r.psnr(), r.ssim(), seconds);
    }
    return row;
  }

  private static double noisyPsnr(List<NoisyPair> test) {
    double s = 0;
    for (NoisyPair p : test) {
      s += io.qprune.formulation.eval.Psnr.of(p.clean(), p.noisy());
    }
    return s / test.size();
  }

  private void say(String format, Object... args) {
    log.printf(Locale.ROOT, format + "%n", args);
    log.flush();
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Prints the refinement's progress every few iterations. */
  private void refining(int iteration, long evaluations, long budget, double bestPsnr) {
    if (iteration % 5 == 0 || evaluations >= budget) {
      say("  TT refinement: %d/%d evaluations, best validation PSNR %.4f dB", evaluations, budget, bestPsnr);
    }
  }
}
