package io.qprune.bench.cli;

import io.qprune.api.Solver;

import io.qprune.api.io.AtomicFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.bench.pruning.BenchOptions;
import io.qprune.bench.pruning.ClassifierBench;
import io.qprune.bench.pruning.ClassifierTable;
import io.qprune.formulation.prune.io.PruneFiles;
import io.qprune.bench.pruning.PruningBench;
import io.qprune.bench.pruning.PruningReport;
import io.qprune.bench.pruning.PruningTable;
import io.qprune.bench.pruning.PsnrPlot;
import io.qprune.bench.pruning.SummaryRow;
import io.qprune.bench.pruning.SweepPoint;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.ClassifierPruneRun;
import io.qprune.formulation.prune.Method;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.refine.RefineSettings;
import io.qprune.formulation.prune.Pruning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune bench pruning}: every method at every sparsity and seed, table and plot. */
@Command(name = "pruning", mixinStandardHelpOptions = true,
    header = "Compare the pruning methods on the shipped denoiser (or a ResNet classifier) over several seeds.",
    description = {"Compare unpruned, greedy Taylor, L1-QUBO and hybrid QUBO pruning through the"
        + " same pipeline: test PSNR/SSIM (mean ± std over seeds), kept params/FLOPs, times."
        + " The hybrid's alpha/beta are tuned on validation crops only (per seed and sparsity).",
        "With --model resnet20 (or a classifier file): filter pruning of the classifier, test accuracy on"
        + " Fashion-MNIST (--data), alpha/beta tuned on validation images (--val-images)."})
public final class BenchPruningCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PruneConfigOptions common;

  @Option(names = "--sparsities", split = ",", defaultValue = "0.2,0.36,0.5", description = "Sparsities (default: ${DEFAULT-VALUE}).")
  List<Double> sparsities;

  @Option(names = "--budget", paramLabel = "KIND", description = "Compare at compute budgets instead of unit sparsities: flops or params (levels from --levels).")
  String budget;

  @Option(names = "--levels", split = ",", defaultValue = "0.7,0.5,0.3", description = "Budget levels, fractions of the unpruned network's FLOPs/params, with --budget (default: ${DEFAULT-VALUE}).")
  List<Double> levels;

  @Option(names = "--seeds", defaultValue = "3", description = "Seeds 1..N of calibration crops and solver (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--methods", split = ",", defaultValue = "taylor,l1-qubo,hybrid", description = "Methods (default: ${DEFAULT-VALUE}; also: linear).")
  List<String> methods;

  @Option(names = "--no-tune", description = "Use the config's alpha/beta instead of tuning them on validation crops.")
  boolean noTune;

  @Option(names = "--alphas", split = ",", defaultValue = "0,0.1,0.25,0.5,1", description = "Alpha grid of the tuning (default: ${DEFAULT-VALUE}).")
  List<Double> alphas;

  @Option(names = "--betas", split = ",", defaultValue = "0,0.05,0.1,0.25", description = "Beta grid of the tuning (default: ${DEFAULT-VALUE}).")
  List<Double> betas;

  @Option(names = "--val-crops", defaultValue = "16", description = "Validation crops for tuning (default: ${DEFAULT-VALUE}).")
  int valCrops;

  @Option(names = "--val-crop-size", defaultValue = "128", description = "Their size (default: ${DEFAULT-VALUE}).")
  int valCropSize;

  @Option(names = "--bn-recal", defaultValue = "0", paramLabel = "BATCHES", description = "Also re-estimate each pruned network's batch-norm statistics from BATCHES forward passes (no weight changes); reported as method+bn (default: ${DEFAULT-VALUE}, off).")
  int bnRecal;

  @Option(names = "--fine-tune", defaultValue = "0", paramLabel = "STEPS", description = "Also fine-tune each pruned network (mask fixed) for STEPS Adam steps; reported as method+ft (default: ${DEFAULT-VALUE}, off).")
  int fineTune;

  @Option(names = "--fine-tune-lr", defaultValue = "1e-3", description = "Fine-tune learning rate (default: ${DEFAULT-VALUE}).")
  double fineTuneLr;

  @Option(names = "--refine-layers", split = ",", paramLabel = "L", description = "Also TT-refine each hybrid mask on L layers (a number or 'all'; comma-separated; default: off), reported as hybrid+ttL.")
  List<String> refineLayers = new ArrayList<>();

  @Option(names = "--refine-budget", defaultValue = "1300", paramLabel = "M", description = "Evaluations per refinement (default: ${DEFAULT-VALUE}).")
  long refineBudget;

  @Option(names = "--val-images", defaultValue = "2000", description = "Classifiers: validation images for tuning (default: ${DEFAULT-VALUE}).")
  int valImages;

  @Option(names = "--out", defaultValue = "runs/bench-pruning", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    return CliErrors.run(this::bench, spec.commandLine().getErr());
  }

  private int bench() {
    long t0 = System.nanoTime();
    PruneConfig cfg = common.build(null);
    List<Method> ms = new ArrayList<>();
    methods.forEach(m -> ms.add(Method.parse(m)));
    io.qprune.formulation.cost.CostKind kind = budget == null ? null : io.qprune.formulation.cost.CostKind.parse(budget);
    BenchOptions o = new BenchOptions(kind == null ? sparsities : levels, seeds, ms, !noTune, alphas, betas,
        valCrops, valCropSize, bnRecal, fineTune, fineTuneLr,
        refineLayers.stream().map(RefineSettings::layersOf).toList(), refineBudget, kind);
    Solver sc = io.qprune.api.Solvers.discover().create(cfg.solver(), cfg.solverParameters());
    Torch.configure(cfg.threads());
    PrintWriter err = spec.commandLine().getErr();
    if (ClassifierPruneRun.isClassifier(cfg.model())) {
      return classifier(cfg, o, sc, err, t0);
    }
    PruningBench.Outcome r;
    try (Denoiser m = "default".equals(cfg.model()) ? ModelFile.loadDefault()
        : ModelFile.load(Path.of(cfg.model()))) {
      r = new PruningBench(m, cfg, sc, o, err).run();
    }
    double total = (System.nanoTime() - t0) / 1e9;
    List<SummaryRow> summary = PruningTable.summarise(r.rows());
    String note = (kind == null ? "" : "Budget: " + kind + " (the sparsity column is the budget level, a"
        + " fraction of the unpruned network's " + kind + "; exact k counts runs within the budget's tolerance). ")
        + String.format(Locale.ROOT, "Unpruned: test PSNR %.3f dB, SSIM %.4f. Normalisation"
        + " %s, redundancy %s on %s similarity, solver %s %s, exact k by %s, %d seed(s); total %.1f"
        + " min.", r.unpruned().testPsnr(), r.unpruned().testSsim(), cfg.settings().normalisation(),
        cfg.settings().redundancy(), cfg.centred() ? "centred (Pearson)" : "cosine", cfg.solver(),
        cfg.solverParameters(), cfg.settings().capacity().mode(), seeds, total / 60);
    String md = PruningTable.markdown(summary, note);
    AtomicFiles.writeString(out.resolve("runs.csv"), PruningTable.runsCsv(withUnpruned(r)));
    AtomicFiles.writeString(out.resolve("summary.csv"), PruningTable.summaryCsv(summary));
    AtomicFiles.writeString(out.resolve("summary.md"), md);
    StringBuilder sw = new StringBuilder("sparsity,seed,alpha,beta,val_psnr\n");
    for (SweepPoint p : r.sweep()) {
      sw.append(String.format(Locale.ROOT, "%.2f,%d,%.3g,%.3g,%.4f%n", p.sparsity(), p.seed(),
          p.alpha(), p.beta(), p.valPsnr()));
    }
    AtomicFiles.writeString(out.resolve("sweep.csv"), sw.toString());
    io.qprune.bench.pruning.MeasuredLatency.writeRuns(out, r.unpruned(), r.rows());
    if (kind == null) {
      PsnrPlot.write(summary, r.unpruned().testPsnr(), "Test PSNR vs filter sparsity",
          out.resolve("psnr-vs-sparsity.png"));
    } else { // the same file, its x axis the budget level
      PsnrPlot.write(summary, r.unpruned().testPsnr(), "Test PSNR vs " + kind + " budget",
          kind + " budget (fraction of the unpruned network's " + kind + ")", out.resolve("psnr-vs-sparsity.png"));
    }
    ObjectNode meta = PruneFiles.mapper().createObjectNode();
    meta.put("date", Instant.now().toString());
    meta.put("total_seconds", total);
    meta.putPOJO("config", cfg.asMap());
    meta.putPOJO("options", o);
    PruneFiles.write(out.resolve("bench.json"), meta);
    String command = "qprune " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    PruningReport.write(out, summary, r.rows(), note, command.strip(),
        java.util.Map.of("config", cfg.asMap(), "options", o, "seeds", "1.." + seeds));
    PrintWriter w = spec.commandLine().getOut();
    w.print(md);
    w.printf(Locale.ROOT, "wrote %s (report.html, summary.md/.csv, runs.csv, sweep.csv, masks.json,"
        + " psnr-vs-sparsity.png/.svg); time the masks with `qprune bench latency --runs %s`%n", out, out);
    w.flush();
    return ExitCodes.OK;
  }

  private int classifier(PruneConfig cfg, BenchOptions o, Solver sc, PrintWriter err, long t0) {
    if (!refineLayers.isEmpty()) {
      throw new io.qprune.api.InvalidInputException("--refine-layers is for denoisers (TT refinement scores PSNR)");
    }
    io.qprune.formulation.classify.FashionMnist.Splits data = io.qprune.formulation.classify.FashionMnist.load(common.data);
    ClassifierBench.Outcome r;
    String model;
    try (io.qprune.formulation.model.Classifier m = Pruning.loadClassifier(cfg.model())) {
      model = m.toString();
      r = new ClassifierBench(m, data, cfg, sc, o, valImages, err).run();
    }
    double total = (System.nanoTime() - t0) / 1e9;
    List<ClassifierTable.Summary> summary = ClassifierTable.summarise(r.rows());
    String note = String.format(Locale.ROOT, "%s filter pruning, %s. Unpruned: test accuracy %.2f %% (%d images)."
        + " Calibration: %d training images per seed; α/β tuned on %d validation images. Normalisation %s,"
        + " redundancy %s on %s similarity, solver %s %s, %d seed(s); no bias compensation%s%s; total %.1f min.%s",
        model, o.budget() == null ? "levels = unit sparsities" : "levels = fractions of the unpruned " + o.budget(),
        100 * r.unpruned().testAccuracy(), data.test().count(), cfg.calibrationImages(),
        Math.min(valImages, data.validation().count()), cfg.settings().normalisation(), cfg.settings().redundancy(),
        cfg.centred() ? "centred (Pearson)" : "cosine", cfg.solver(), cfg.solverParameters(), seeds,
        bnRecal > 0 ? String.format(Locale.ROOT, "; +bn rows: BN statistics re-estimated from %d batches of 64"
            + " training images (α/β tuned after it)", bnRecal) : "",
        fineTune > 0 ? String.format(Locale.ROOT, "; +ft rows: %d AdamW steps (lr %.3g) on the training split",
            fineTune, fineTuneLr) : ", no fine-tune", total / 60,
        data.note().isEmpty() ? "" : " " + data.note());
    String md = ClassifierTable.markdown(summary, note);
    ClassifierTable.write(out, r, summary, md);
    io.qprune.bench.pruning.MeasuredLatency.writeRuns(out, r.runs(), "test_accuracy");
    ObjectNode meta = PruneFiles.mapper().createObjectNode();
    meta.put("date", Instant.now().toString());
    meta.put("command", "qprune " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    meta.put("model", model);
    meta.put("total_seconds", total);
    meta.putPOJO("config", cfg.asMap());
    meta.putPOJO("options", o);
    meta.putPOJO("summary", summary);
    PruneFiles.write(out.resolve("bench.json"), meta);
    PrintWriter w = spec.commandLine().getOut();
    w.print(md);
    w.printf(Locale.ROOT, "wrote %s (summary.md/.csv, runs.csv, sweep.csv, bench.json, masks.json%s); time the masks"
        + " with `qprune bench latency --model %s --runs %s`%n", out,
        o.sparsities().size() > 1 ? ", accuracy-vs-flops.png/.svg" : "", cfg.model(), out);
    w.flush();
    return ExitCodes.OK;
  }

  private static List<io.qprune.bench.pruning.RunRow> withUnpruned(PruningBench.Outcome r) {
    List<io.qprune.bench.pruning.RunRow> all = new ArrayList<>();
    all.add(r.unpruned());
    all.addAll(r.rows());
    return all;
  }
}
