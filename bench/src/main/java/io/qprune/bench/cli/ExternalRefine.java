package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.formulation.cost.CostFiles;
import io.qprune.formulation.prune.io.PruneFiles;
import io.qprune.formulation.eval.ExternalEvaluator;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.UnitLayout;
import io.qprune.formulation.importance.io.ScoreFiles;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.refine.Refined;
import io.qprune.formulation.refine.Refiner;
import io.qprune.formulation.prune.io.MaskFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code qprune refine --evaluator CMD}: TT refinement of a {@code --scores} mask against the
 * metric of the user's own process ({@link ExternalEvaluator}); the units and layers come from
 * the scores file, the layer choice from the QUBO beside the mask. No Java model is involved.
 */
final class ExternalRefine {
  private ExternalRefine() {}

  /** What the run needs besides the config; {@code scores} and {@code qubo} may be null (beside the mask). */
  record Request(Path mask, Path scores, Path qubo, Path cost, String evaluator, Duration timeout, Path out,
      boolean resume, boolean plain) {}

  static int run(PruneConfig cfg, Request q, PrintWriter o, PrintWriter err) throws IOException {
    Path dir = q.mask().toAbsolutePath().getParent();
    Path scoresFile = q.scores() != null ? q.scores() : dir.resolve(PruneFiles.SCORES);
    if (!Files.exists(scoresFile)) {
      throw new InvalidInputException("No scores at " + scoresFile + ": with --evaluator the units and"
          + " layers come from the scores the mask was pruned from; give --scores FILE");
    }
    ScoreSet scores = ScoreFiles.read(scoresFile);
    UnitLayout layout = scores.layout();
    MaskFile maskFile = MaskFile.read(q.mask());
    Mask start = maskFile.mask();
    requireSameUnits(q.mask(), layout, maskFile);
    Path quboFile = q.qubo() != null ? q.qubo() : dir.resolve(PruneFiles.QUBO);
    Qubo qubo = RefineCommand.readQubo(quboFile, layout, q.qubo() != null
        || cfg.refine().layers() != 0 && cfg.refine().layers() < layout.numLayers());
    Refiner.CostLimit limit = null;
    if (cfg.budget() != null) {
      Path costFile = q.cost() != null ? q.cost() : dir.resolve("cost.json");
      if (!Files.exists(costFile)) {
        throw new InvalidInputException("No cost model at " + costFile + ": a " + cfg.budget().kind() + " budget for"
            + " your network needs its cost file (qprune_torch.scores --cost-out); give --cost FILE");
      }
      if (qubo == null) {
        throw new InvalidInputException("No QUBO at " + quboFile + ": refining under a budget needs the QUBO the mask"
            + " came from (it guides the budget repair); give --qubo FILE");
      }
      limit = PruneRun.costLimit(CostFiles.readBudget(costFile, cfg.budget().kind(), cfg.latencyCap(), layout),
          cfg.settings(), layout);
    }
    Files.createDirectories(q.out());
    err.println("starting the evaluator: " + q.evaluator());
    err.flush();
    Refined r;
    String metric;
    boolean max;
    try (ExternalEvaluator ev = ExternalEvaluator.start(q.evaluator(), null, q.timeout());
        RefineProgress bar = new RefineProgress(q.plain(), err, "val " + ev.metric(), "")) {
      ev.requireUnits(layout.ids(), scoresFile.toString());
      metric = ev.metric();
      max = ev.maximise();
      boolean maximise = max;
      Refiner.Scorer scorer = (sub, points) -> ev.scores(points.stream().map(p -> sub.expand(p).toBits()).toList());
      r = new Refiner(cfg.refine(), cfg.seed()).withBudget(limit).run(scorer, layout.asLayers(), qubo, start, q.out(),
          q.resume(), (it, evals, budget, best) -> bar.iteration(it, evals, budget, maximise ? best : -best));
    }
    double sign = max ? 1 : -1;
    PruneFiles.write(q.out().resolve(PruneFiles.MASK),
        PruneFiles.mask(layout, r.mask(), maskFile.method() + "+tt", r.mask().sparsity()));
    ObjectNode rep = PruneFiles.mapper().createObjectNode();
    rep.put("mask", q.mask().toString());
    rep.put("scores", scoresFile.toString());
    rep.put("evaluator", q.evaluator());
    rep.put("metric", metric);
    rep.put("goal", max ? "max" : "min");
    rep.putPOJO("refine", cfg.refine().asMap());
    rep.put("seed", cfg.seed());
    ObjectNode n = rep.putObject("refined");
    n.putPOJO("layers", r.layers());
    n.put("units", r.units());
    n.put("kept_in_subproblem", r.kept());
    n.put("val_before", sign * r.valBefore());
    n.put("val_after", sign * r.valAfter());
    n.put("evaluations", r.result().evaluations());
    n.put("iterations", r.result().iterations());
    n.put("stop", r.result().stopReason());
    n.put("seconds", r.seconds());
    n.put("evaluation_seconds", r.evaluationSeconds());
    n.put("units_changed", PruneFiles.changed(r.start(), r.mask()));
    n.put("kept_before", r.start().kept());
    n.put("kept_after", r.mask().kept());
    if (limit != null) {
      double full = limit.cost().total();
      rep.putObject("budget").put("kind", limit.budget().kind().toString()).put("fraction", limit.budget().fraction())
          .put("tolerance", limit.budget().tolerance()).put("kept_fraction_before", limit.cost().value(r.start()) / full)
          .put("kept_fraction_after", limit.cost().value(r.mask()) / full);
    }
    ArrayNode trace = n.putArray("trace");
    r.result().trace().forEach(i -> trace.addObject().put("evaluations", i.evaluations())
        .put("val", -sign * i.value()));
    PruneFiles.write(q.out().resolve(PruneFiles.REPORT), rep);
    o.printf(Locale.ROOT, "refined %d units in %d layers (%s): %d changed, %d evaluations in %.1f s"
        + " (%.1f s in the evaluator)%n", r.units(), r.layers().size(), String.join(",", r.layers()),
        PruneFiles.changed(r.start(), r.mask()), r.result().evaluations(), r.seconds(), r.evaluationSeconds());
    o.printf(Locale.ROOT, "validation %s (%s is better): before %.6f, after %.6f%n", metric,
        max ? "higher" : "lower", sign * r.valBefore(), sign * r.valAfter());
    o.printf(Locale.ROOT, "wrote %s (mask.json, report.json)%n", q.out());
    o.flush();
    return ExitCodes.OK;
  }

  private static void requireSameUnits(Path file, UnitLayout layout, MaskFile maskFile) {
    Mask mask = maskFile.mask();
    if (mask.size() != layout.size()) {
      throw new InvalidInputException(file + " has " + mask.size() + " units but the scores have "
          + layout.size());
    }
    List<String> got = maskFile.unitIds();
    for (int i = 0; i < got.size(); i++) {
      if (!got.get(i).equals(layout.id(i))) {
        throw new InvalidInputException(maskFile + ": unit " + i + " is '" + got.get(i)
            + "' but the scores' unit " + i + " is '" + layout.id(i) + "'");
      }
    }
  }
}
