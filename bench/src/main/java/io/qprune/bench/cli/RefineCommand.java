package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.io.BqmJson;
import io.qprune.formulation.prune.io.PruneFiles;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.EvalReport;
import io.qprune.formulation.eval.Evaluation;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.refine.Refined;
import io.qprune.formulation.prune.io.MaskFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune refine}: polishes a mask against validation PSNR with PROTES (TT refinement). */
@Command(name = "refine", mixinStandardHelpOptions = true,
    header = "Refine a pruning mask against validation PSNR with TT optimisation (PROTES).",
    description = {"TT refinement: re-optimise the units of the L layers closest to the QUBO's decision"
        + " boundary against validation PSNR with a black-box optimiser (PROTES), keeping their count,"
        + " so global sparsity is unchanged (with --flops/--params: every scored mask keeps that budget"
        + " instead). Checkpoints into --out; --resume continues a killed run."
        + " With --evaluator, against the metric of your own process (a network pruned with --scores)."})
public final class RefineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PruneConfigOptions common;

  @Option(names = "--mask", required = true, paramLabel = "FILE", description = "The mask to refine (mask.json from `qprune prune`).")
  Path mask;

  @Option(names = "--qubo", paramLabel = "FILE", description = "The QUBO the mask came from (default: qubo.json beside the mask); picks the layers.")
  Path qubo;

  @Option(names = "--layers", paramLabel = "L", description = "Layers in the sub-problem: a number or 'all' (default: the config's refine.layers, 8).")
  String layers;

  @Option(names = "--budget", paramLabel = "M", description = "Distinct masks to evaluate (default: the config's refine.budget).")
  Long budget;

  @Option(names = "--out", defaultValue = "runs/refine", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--resume", description = "Continue the run checkpointed in --out.")
  boolean resume;

  @Mixin SharedOptions.Progress progress;

  @Option(names = "--evaluator", paramLabel = "CMD", description = {"Score masks with this process (a shell command line speaking qprune's",
      "line-delimited JSON protocol, e.g. 'python3 -m qprune_torch.eval --weights model.pt') instead of",
      "the denoiser's PSNR: refines a mask from `prune --scores`, units from the scores."})
  String evaluator;

  @Option(names = "--scores", paramLabel = "FILE", description = "With --evaluator: the scores the mask came from (default: scores.json beside the mask).")
  Path scores;

  @Option(names = "--cost", paramLabel = "FILE", description = {"With --evaluator and --flops/--params: your network's cost model",
      "(cost.json from qprune_torch.scores --cost-out; default: cost.json beside the mask)."})
  Path cost;

  @Option(names = "--evaluator-timeout", defaultValue = "600", paramLabel = "SECONDS", description = "With --evaluator: the longest wait for one answer (default: ${DEFAULT-VALUE}).")
  double evaluatorTimeout;

  @Override
  public Integer call() {
    return CliErrors.run(this::refine, spec.commandLine().getErr());
  }

  private int refine() throws IOException {
    PruneConfig cfg = common.build(null).with("refine.enabled", true);
    cfg = layers == null ? cfg : cfg.with("refine.layers", layers);
    cfg = budget == null ? cfg : cfg.with("refine.budget", budget);
    MaskFile maskFile = MaskFile.read(mask);
    Mask start = maskFile.mask();
    PrintWriter err = spec.commandLine().getErr();
    if (evaluator != null) {
      if (common.model != null || common.cluster != null) {
        throw new InvalidInputException("--evaluator scores masks with its own process and network:"
            + " drop --model and --cluster");
      }
      if (!(evaluatorTimeout > 0)) {
        throw new InvalidInputException("--evaluator-timeout must be > 0 seconds, got " + evaluatorTimeout);
      }
      return ExternalRefine.run(cfg, new ExternalRefine.Request(mask, scores, qubo, cost, evaluator,
          java.time.Duration.ofMillis((long) (evaluatorTimeout * 1000)), out, resume, progress.noProgress),
          spec.commandLine().getOut(), err);
    }
    if (scores != null || cost != null) {
      throw new InvalidInputException((scores != null ? "--scores" : "--cost") + " is for --evaluator (refining a"
          + " mask of your own network); the shipped models' costs come from their structure");
    }
    Path quboFile = qubo != null ? qubo : mask.toAbsolutePath().getParent().resolve(PruneFiles.QUBO);
    Torch.configure(cfg.threads());
    try (Denoiser m = "default".equals(cfg.model()) ? ModelFile.loadDefault()
        : ModelFile.load(Path.of(cfg.model()))) {
      if (start.size() != m.units().size()) {
        throw new InvalidInputException(mask + " has " + start.size() + " units but the model has "
            + m.units().size());
      }
      Qubo q = readQubo(quboFile, UnitLayout.of(m), qubo != null || cfg.refine().layers() != 0
          && cfg.refine().layers() < m.layers().size());
      Files.createDirectories(out);
      List<NoisyPair> valPhotos = PruneRun.photos(Split.VAL, m, cfg);
      List<NoisyPair> testPhotos = PruneRun.photos(Split.TEST, m, cfg);
      m.setMask(start);
      EvalReport valBefore = Evaluation.run(m, valPhotos);
      EvalReport testBefore = Evaluation.run(m, testPhotos);
      Refined r;
      try (RefineProgress bar = new RefineProgress(progress.noProgress, err)) {
        r = PruneRun.refine(m, cfg, q, start, PruneRun.Progress.ofRefining(bar::iteration), out, resume);
      }
      m.setMask(r.mask());
      EvalReport valAfter = Evaluation.run(m, valPhotos);
      EvalReport testAfter = Evaluation.run(m, testPhotos);
      String method = maskFile.method() + "+tt";
      PruneFiles.write(out.resolve(PruneFiles.MASK),
          PruneFiles.mask(UnitLayout.of(m), r.mask(), method, r.mask().sparsity()));
      ObjectNode rep = PruneFiles.mapper().createObjectNode();
      rep.put("mask", mask.toString());
      rep.putPOJO("refine", cfg.refine().asMap());
      rep.put("seed", cfg.seed());
      rep.set("refined", PruneFiles.refined(r));
      rep.set("cost", PruneFiles.cost(m.fullCost(), m.cost(r.mask())));
      rep.set("val_before", PruneFiles.eval(valBefore));
      rep.set("val_after", PruneFiles.eval(valAfter));
      rep.set("test_before", PruneFiles.eval(testBefore));
      rep.set("test_after", PruneFiles.eval(testAfter));
      PruneFiles.write(out.resolve(PruneFiles.REPORT), rep);
      PrintWriter o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "refined %d units in %d layers (%s): %d changed, %d evaluations in %.1f s"
          + " (%.2f /s)%n", r.units(), r.layers().size(), String.join(",", r.layers()),
          PruneFiles.changed(r.start(), r.mask()), r.result().evaluations(), r.seconds(),
          r.evaluationsPerSecond());
      o.printf(Locale.ROOT, "%-22s %10s %10s %8s%n", "PSNR (dB)", "before", "after", "gain");
      row(o, "validation crops", r.valBefore(), r.valAfter());
      row(o, "validation photos", valBefore.psnr(), valAfter.psnr());
      row(o, "test photos", testBefore.psnr(), testAfter.psnr());
      o.printf(Locale.ROOT, "wrote %s (mask.json, report.json)%n", out);
      o.flush();
    }
    return ExitCodes.OK;
  }

  private static void row(PrintWriter o, String name, double before, double after) {
    o.printf(Locale.ROOT, "%-22s %10.4f %10.4f %+8.4f%n", name, before, after, after - before);
  }

  static Qubo readQubo(Path file, UnitLayout layout, boolean required) {
    if (!Files.exists(file)) {
      if (required) {
        throw new InvalidInputException("No QUBO at " + file + ": choosing layers by the decision"
            + " boundary needs it. Give --qubo FILE, or --layers all.");
      }
      return null;
    }
    Qubo q = BqmJson.read(file);
    if (q.numVariables() != layout.size()) {
      throw new InvalidInputException(file + " has " + q.numVariables() + " variables but the model has "
          + layout.size() + " units");
    }
    if (q.hasLabels()) {
      for (int i = 0; i < layout.size(); i++) {
        if (!String.valueOf(q.label(i)).equals(layout.id(i))) {
          throw new InvalidInputException(file + ": variable " + i + " is '" + q.label(i)
              + "' but unit " + i + " of the model is '" + layout.id(i) + "'");
        }
      }
    }
    return q;
  }

}
