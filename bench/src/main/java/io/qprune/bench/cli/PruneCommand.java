package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.prune.ClassifierPruneRun;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRequest;
import io.qprune.formulation.prune.PruneResult;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.prune.PruneSettings;
import io.qprune.formulation.prune.Pruning;
import io.qprune.formulation.prune.io.EmbeddingSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune prune}: selects the units to keep and writes the mask, QUBO, scores and report. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    header = "Prune a network's filters to a target sparsity through a QUBO.",
    description = {"Prune a denoiser's filters: scores on calibration crops, the method's QUBO,"
        + " exactly k kept units via the capacity search, then PSNR/SSIM on validation and test.",
        "With --model resnet20 (or a classifier file), prune a ResNet classifier's filters the same way:"
        + " scores on training images, accuracy of the cut network on Fashion-MNIST (--data).",
        "With --scores, prune any network from scores computed elsewhere (mask only)."})
public final class PruneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PruneConfigOptions common;

  @Option(names = "--scores", paramLabel = "FILE", description = "Scores computed elsewhere: .npz, .json or a folder of .npy files.")
  Path scores;

  @Option(names = "--cost", paramLabel = "FILE", description = "With --scores and --flops/--params: the"
      + " network's cost model as JSON ({\"flops\"|\"params\": {constant, linear, pairwise}}, e.g."
      + " from qprune_torch.scores --cost-out).")
  Path costFile;

  @Option(names = "--sparsity", description = "Fraction of units to prune, e.g. 0.36.")
  Double sparsity;

  @Option(names = "--out", defaultValue = "runs/prune", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--resume", description = "Continue a refinement checkpointed in --out (the config's refine: block).")
  boolean resume;

  @Mixin SharedOptions.Progress progress;

  @Override
  public Integer call() {
    return CliErrors.run(this::prune, spec.commandLine().getErr());
  }

  private int prune() {
    PruneConfig cfg = common.build(sparsity);
    PrintWriter err = spec.commandLine().getErr();
    PruneRequest.Builder b = PruneRequest.builder().optConfig(cfg).optOutput(out).optResume(resume)
        .optCost(costFile).optData(common.data);
    if (scores != null) {
      if (common.model != null) {
        throw new InvalidInputException("Give either --scores or --model: with --scores the network"
            + " is yours and only the mask is computed");
      }
      err.println("reading scores from " + scores);
      printScores(Pruning.run(b.setScores(scores).build()), cfg);
      return ExitCodes.OK;
    }
    if (costFile != null) {
      throw new InvalidInputException("--cost goes with --scores: the shipped models' costs are"
          + " computed from their structure");
    }
    if (ClassifierPruneRun.isClassifier(cfg.model())) {
      printClassifier(Pruning.run(b.optProgress(new StageLog(err, null)).build()), cfg);
      return ExitCodes.OK;
    }
    PruneResult r;
    try (RefineProgress bar = new RefineProgress(progress.noProgress, err)) {
      r = Pruning.run(b.optProgress(new StageLog(err, bar)).build());
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "%s: kept %d of %d units (sparsity %.3f), params %.1f %%, FLOPs %.1f %%%n",
        cfg.settings().method(), r.mask().kept(), r.mask().size(), r.mask().sparsity(),
        100 * r.figure("/cost/params_fraction"), 100 * r.figure("/cost/flops_fraction"));
    if (r.report().has("latency") && r.report().at("/latency").has("predicted_ms")) {
      o.printf(Locale.ROOT, "latency (predicted by the fit on this machine, 1 thread, 256²): %.1f %% of the unpruned"
          + " (%.1f of %.1f ms); measure it with `qprune bench latency`%n", 100 * r.figure("/latency/predicted_fraction"),
          r.figure("/latency/predicted_ms"), r.figure("/latency/predicted_unpruned_ms"));
    } else if (r.report().has("latency")) {
      o.printf(Locale.ROOT, "latency (the cost file's): %.1f %% of the unpruned%n", 100 * r.figure("/latency/predicted_fraction"));
    }
    printEmbedding(o, r);
    if (r.report().has("test_before_refine")) {
      o.printf(Locale.ROOT, "before refinement: validation PSNR %.3f dB, test PSNR %.3f dB%n",
          r.figure("/val_before_refine/psnr"), r.figure("/test_before_refine/psnr"));
    }
    if (r.report().has("val")) {
      o.printf(Locale.ROOT, (r.report().has("refined") ? "refined " : "")
          + "validation: PSNR %.3f dB, SSIM %.4f; test: PSNR %.3f dB, SSIM %.4f%n",
          r.figure("/val/psnr"), r.figure("/val/ssim"), r.figure("/test/psnr"), r.figure("/test/ssim"));
    }
    o.printf(Locale.ROOT, "wrote %s (mask.json, qubo.json, scores.json, report.json)%n", out);
    o.flush();
    return ExitCodes.OK;
  }

  private void printScores(PruneResult r, PruneConfig cfg) {
    PrintWriter o = spec.commandLine().getOut();
    PruneSettings settings = cfg.settings();
    o.printf(Locale.ROOT, "%s: kept %d of %d units (sparsity %.3f)%s; wrote %s%n", settings.method(),
        r.mask().kept(), r.mask().size(), r.mask().sparsity(),
        settings.budget() == null ? "" : String.format(Locale.ROOT, ", %s %.1f %%", settings.budget().kind(),
            100 * r.figure("/budget/kept_fraction")), out);
    printEmbedding(o, r);
    o.flush();
  }

  private void printClassifier(PruneResult r, PruneConfig cfg) {
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "%s: kept %d of %d channel units (sparsity %.3f), params %.1f %%, FLOPs %.2f %%%n",
        cfg.settings().method(), r.mask().kept(), r.mask().size(), r.mask().sparsity(),
        100 * r.figure("/cost/params") / r.figure("/cost/params_full"),
        100 * r.figure("/cost/flops_per_image") / r.figure("/cost/flops_full"));
    if (r.report().has("latency")) {
      o.printf(Locale.ROOT, "latency (predicted by the fit on this machine, 1 thread, batches of %d): %.1f %% of the"
          + " unpruned (%.2f of %.2f ms); measure it with `qprune bench latency --model %s --runs ...`%n",
          ClassifierPruneRun.LATENCY_BATCH, 100 * r.figure("/latency/predicted_fraction"),
          r.figure("/latency/predicted_ms"), r.figure("/latency/predicted_unpruned_ms"), cfg.model());
    }
    if (cfg.evaluate()) {
      o.printf(Locale.ROOT, "validation accuracy %.2f %%, test accuracy %.2f %% (%d images)%n",
          100 * r.figure("/val/accuracy"), 100 * r.figure("/test/accuracy"), (int) r.figure("/test/images"));
    }
    o.printf(Locale.ROOT, "wrote %s (mask.json, qubo.json, scores.json, report.json)%n", out);
    o.flush();
  }

  /** The embedding line, when the solver minor-embedded the QUBO. */
  private static void printEmbedding(PrintWriter o, PruneResult r) {
    if (r.report().path("selection").get("embedding") instanceof ObjectNode e) {
      o.println(EmbeddingSummary.line(e));
    }
  }

  /** Prints one line per stage to stderr. */
  static final class StageLog implements PruneRun.Progress {
    private final PrintWriter err;
    private final RefineProgress bar;

    StageLog(PrintWriter err, RefineProgress bar) {
      this.err = err;
      this.bar = bar;
    }

    @Override
    public void refining(int iteration, long evaluations, long budget, double bestPsnr) {
      bar.iteration(iteration, evaluations, budget, bestPsnr);
    }

    @Override
    public void started(String stage) {
      err.printf(Locale.ROOT, "%s ...%n", stage);
      err.flush();
    }

    @Override
    public void finished(String stage, double seconds) {
      if (stage.equals("refine") && bar != null) {
        bar.close();
      }
      err.printf(Locale.ROOT, "%s done in %.1f s%n", stage, seconds);
      err.flush();
    }
  }
}
