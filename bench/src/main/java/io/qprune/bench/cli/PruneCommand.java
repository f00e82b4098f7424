package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.SolveRequest;
import io.qprune.bench.pruning.EmbeddingSummary;
import io.qprune.bench.pruning.PruneOutputs;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.formulation.cost.CostFiles;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.io.ScoreFiles;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.ClassifierPruneRun;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.prune.PruneSettings;
import io.qprune.formulation.prune.Pruned;
import io.qprune.formulation.prune.Pruner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

  @Option(names = "--plain", description = "One line per refinement iteration instead of a progress bar.")
  boolean plain;

  @Override
  public Integer call() {
    return CliErrors.run(this::prune, spec.commandLine().getErr());
  }

  private int prune() {
    PruneConfig cfg = common.build(sparsity);
    PrintWriter err = spec.commandLine().getErr();
    Solver sc = Solvers.discover().create(cfg.solver(), cfg.solverParameters());
    if (scores != null) {
      return fromScores(cfg, sc, err);
    }
    if (costFile != null) {
      throw new InvalidInputException("--cost goes with --scores: the shipped models' costs are"
          + " computed from their structure");
    }
    Torch.configure(cfg.threads());
    if (ClassifierPruneRun.isClassifier(cfg.model())) {
      return ClassifierPrune.run(cfg, sc, common.data, out, spec.commandLine().getOut(), new StageLog(err, null));
    }
    try (Denoiser m = "default".equals(cfg.model()) ? ModelFile.loadDefault()
        : ModelFile.load(Path.of(cfg.model()))) {
      PruneRun.Result r;
      try (RefineProgress bar = new RefineProgress(plain, err)) {
        r = PruneRun.run(m, cfg, sc, sc.capabilities(), new StageLog(err, bar), out, resume);
      }
      PruneOutputs.writeSelection(out, r.scores(), r.pruned(), cfg.settings());
      if (r.refined() != null) {
        PruneOutputs.write(out.resolve(PruneOutputs.MASK), PruneOutputs.mask(r.scores().layout(),
            r.refined().mask(), cfg.settings().method() + "+tt", cfg.settings().sparsity()));
      }
      ObjectNode rep = PruneOutputs.mapper().createObjectNode();
      rep.putPOJO("config", cfg.asMap());
      rep.set("selection", PruneOutputs.selection(r.pruned()));
      rep.set("cost", PruneOutputs.cost(r.full(), r.kept()));
      if (r.refined() != null) {
        rep.set("refined", PruneOutputs.refined(r.refined()));
        if (r.valBefore() != null) {
          rep.set("val_before_refine", PruneOutputs.eval(r.valBefore()));
          rep.set("test_before_refine", PruneOutputs.eval(r.testBefore()));
        }
      }
      if (r.val() != null) {
        rep.set("val", PruneOutputs.eval(r.val()));
        rep.set("test", PruneOutputs.eval(r.test()));
      }
      Map<String, Double> secs = new LinkedHashMap<>(r.seconds());
      secs.put("build_qubo", r.pruned().buildSeconds());
      secs.put("capacity_search", r.pruned().selection().seconds());
      rep.set("seconds", PruneOutputs.seconds(secs));
      PruneOutputs.write(out.resolve(PruneOutputs.REPORT), rep);
      PrintWriter o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "%s: kept %d of %d units (sparsity %.3f), params %.1f %%, FLOPs %.1f %%%n",
          cfg.settings().method(), r.pruned().selection().mask().kept(), r.scores().layout().size(),
          r.pruned().selection().mask().sparsity(), 100 * r.kept().paramsFraction(r.full()),
          100 * r.kept().flopsFraction(r.full()));
      printEmbedding(o, r.pruned());
      if (r.testBefore() != null) {
        o.printf(Locale.ROOT, "before refinement: validation PSNR %.3f dB, test PSNR %.3f dB%n",
            r.valBefore().psnr(), r.testBefore().psnr());
      }
      if (r.val() != null) {
        o.printf(Locale.ROOT, (r.refined() != null ? "refined " : "") + "validation: PSNR %.3f dB, SSIM %.4f; test: PSNR %.3f dB, SSIM %.4f%n",
            r.val().psnr(), r.val().ssim(), r.test().psnr(), r.test().ssim());
      }
      o.printf(Locale.ROOT, "wrote %s (mask.json, qubo.json, scores.json, report.json)%n", out);
      o.flush();
    }
    return ExitCodes.OK;
  }

  private int fromScores(PruneConfig cfg, Solver sc, PrintWriter err) {
    if (common.model != null) {
      throw new InvalidInputException("Give either --scores or --model: with --scores the network"
          + " is yours and only the mask is computed");
    }
    err.println("reading scores from " + scores);
    ScoreSet s = ScoreFiles.read(scores);
    PruneSettings settings = cfg.settings();
    SolveRequest req = cfg.solveRequest(cfg.seed());
    QuadraticCost cost = null;
    if (settings.budget() != null) {
      if (costFile == null) {
        throw new InvalidInputException("A --" + settings.budget().kind() + " budget with --scores needs"
            + " the network's cost model: --cost FILE (qprune_torch.scores --cost-out writes one)");
      }
      cost = CostFiles.read(costFile, settings.budget().kind(), s.layout());
    } else if (costFile != null) {
      throw new InvalidInputException("--cost " + costFile + " is only used with a --flops or --params budget");
    }
    Pruned p = new Pruner(sc).prune(s, settings, req, cost);
    PruneOutputs.writeSelection(out, s, p, settings);
    ObjectNode rep = PruneOutputs.mapper().createObjectNode();
    rep.putPOJO("config", cfg.asMap());
    rep.put("scores", scores.toString());
    rep.set("selection", PruneOutputs.selection(p));
    double keptFraction = cost == null ? Double.NaN : cost.value(p.selection().mask()) / cost.total();
    if (cost != null) {
      rep.set("budget", PruneOutputs.budget(settings.budget(), keptFraction).put("cost_file", costFile.toString()));
    }
    rep.set("seconds", PruneOutputs.seconds(Map.of("build_qubo", p.buildSeconds(),
        "capacity_search", p.selection().seconds())));
    PruneOutputs.write(out.resolve(PruneOutputs.REPORT), rep);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "%s: kept %d of %d units (sparsity %.3f)%s; wrote %s%n", settings.method(),
        p.selection().mask().kept(), s.layout().size(), p.selection().mask().sparsity(),
        cost == null ? "" : String.format(Locale.ROOT, ", %s %.1f %%", settings.budget().kind(),
            100 * keptFraction), out);
    printEmbedding(o, p);
    o.flush();
    return ExitCodes.OK;
  }

  /** The embedding line, when the solver minor-embedded the QUBO. */
  private static void printEmbedding(PrintWriter o, Pruned p) {
    ObjectNode e = EmbeddingSummary.of(p.selection().steps());
    if (e != null) {
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
