package io.qprune.formulation.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.cost.CappedCost;
import io.qprune.formulation.cost.CostFiles;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.cost.LatencyFit;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.io.ScoreFiles;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.io.MaskFile;
import io.qprune.formulation.prune.io.PruneFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library's entry point for pruning: {@code Pruning.run(request)} does what {@code qprune prune}
 * does (the same config and seed give the same files) and returns the {@link PruneResult}, written
 * into the request's output folder when it names one.
 */
public final class Pruning {
  private Pruning() {}

  /** Prunes the request's scores file or model with its solver and budget. */
  public static PruneResult run(PruneRequest request) {
    PruneConfig cfg = request.config();
    Solver solver = Solvers.discover().create(cfg.solver(), cfg.solverParameters());
    PruneResult r;
    if (request.scores() != null) {
      r = fromScores(request, solver);
    } else if (ClassifierPruneRun.isClassifier(cfg.model())) {
      Torch.configure(cfg.threads());
      r = classifier(request, solver);
    } else {
      Torch.configure(cfg.threads());
      r = denoiser(request, solver);
    }
    return request.out() == null ? r : r.write(request.out());
  }

  /** The shipped classifier ({@code resnet20}) or the classifier file {@code model} names. */
  public static Classifier loadClassifier(String model) {
    return model.equals("resnet20") ? ClassifierFile.loadDefault() : ClassifierFile.load(Path.of(model));
  }

  private static PruneResult fromScores(PruneRequest request, Solver solver) {
    PruneConfig cfg = request.config();
    ScoreSet s = ScoreFiles.read(request.scores());
    PruneSettings settings = cfg.settings();
    MaskCost cost = null;
    if (settings.budget() != null) {
      if (request.cost() == null) {
        throw new InvalidInputException("A --" + settings.budget().kind() + " budget with --scores needs"
            + " the network's cost model: --cost FILE (qprune_torch.scores --cost-out writes one)");
      }
      cost = CostFiles.readBudget(request.cost(), settings.budget().kind(), cfg.latencyCap(), s.layout());
    } else if (request.cost() != null) {
      throw new InvalidInputException("--cost " + request.cost() + " is only used with a --flops or --params budget");
    }
    Pruned p = new Pruner(solver).prune(s, settings, cfg.solveRequest(cfg.seed()), cost);
    ObjectNode rep = report(cfg);
    rep.put("scores", request.scores().toString());
    rep.set("selection", PruneFiles.selection(p));
    if (cost != null) {
      double keptFraction = cost.value(p.selection().mask()) / cost.total();
      rep.set("budget", PruneFiles.budget(settings.budget(), keptFraction).put("cost_file", request.cost().toString()));
      if (cost instanceof CappedCost capped) {
        MaskCost latency = capped.caps().get(0).cost();
        rep.putObject("latency").put("cap_fraction", cfg.latencyCap())
            .put("predicted_fraction", latency.value(p.selection().mask()) / latency.total())
            .put("note", "the cost file's latency field at the mask");
      }
    }
    rep.set("seconds", PruneFiles.seconds(Map.of("build_qubo", p.buildSeconds(),
        "capacity_search", p.selection().seconds())));
    return result(s, p, p.selection().mask(), settings.method().toString(), settings, rep);
  }

  private static PruneResult denoiser(PruneRequest request, Solver solver) {
    PruneConfig cfg = request.config();
    try (Denoiser m = "default".equals(cfg.model()) ? ModelFile.loadDefault() : ModelFile.load(Path.of(cfg.model()))) {
      PruneRun.Result r = PruneRun.run(m, cfg, solver, solver.capabilities(), request.progress(), request.out(),
          request.resume());
      ObjectNode rep = report(cfg);
      rep.set("selection", PruneFiles.selection(r.pruned()));
      rep.set("cost", PruneFiles.cost(r.full(), r.kept()));
      if (r.refined() != null) {
        rep.set("refined", PruneFiles.refined(r.refined()));
        if (r.valBefore() != null) {
          rep.set("val_before_refine", PruneFiles.eval(r.valBefore()));
          rep.set("test_before_refine", PruneFiles.eval(r.testBefore()));
        }
      }
      if (r.val() != null) {
        rep.set("val", PruneFiles.eval(r.val()));
        rep.set("test", PruneFiles.eval(r.test()));
      }
      rep.set("seconds", PruneFiles.seconds(stageSeconds(r.seconds(), r.pruned())));
      Mask finalMask = r.refined() != null ? r.refined().mask() : r.pruned().selection().mask();
      if (cfg.latencyCap() != null || (cfg.budget() != null && cfg.budget().kind() == CostKind.LATENCY)) {
        rep.set("latency", latencyBlock(m, cfg, finalMask));
      }
      if (cfg.budget() != null) {
        double kept = switch (cfg.budget().kind()) {
          case FLOPS -> m.cost(finalMask).flopsFraction(m.fullCost());
          case PARAMS -> m.cost(finalMask).paramsFraction(m.fullCost());
          case LATENCY -> rep.at("/latency/predicted_fraction").asDouble();
        };
        rep.set("budget", PruneFiles.budget(cfg.budget(), kept).put("within_tolerance", cfg.budget().within(kept, 1)));
      }
      String method = cfg.settings().method() + (r.refined() != null ? "+tt" : "");
      return result(r.scores(), r.pruned(), finalMask, method, cfg.settings(), rep);
    }
  }

  /** The budget or cap the latency was pruned to and what the fit predicts: {@code ms} of {@code fullMs}. */
  private static ObjectNode predictedLatency(PruneConfig cfg, double ms, double fullMs) {
    ObjectNode l = PruneFiles.mapper().createObjectNode();
    boolean primary = cfg.budget().kind() == CostKind.LATENCY;
    l.put(primary ? "budget_fraction" : "cap_fraction", primary ? cfg.budget().fraction() : cfg.latencyCap());
    l.put("predicted_ms", ms);
    l.put("predicted_unpruned_ms", fullMs);
    l.put("predicted_fraction", ms / fullMs);
    return l;
  }

  /** What the latency fit predicts for {@code mask}, beside the budget or cap it was pruned to. */
  private static ObjectNode latencyBlock(Denoiser m, PruneConfig cfg, Mask mask) {
    LatencyFit fit = PruneRun.latencyFit(m, cfg);
    MaskCost cost = fit.cost(m);
    ObjectNode l = predictedLatency(cfg, cost.value(mask), cost.total());
    l.put("fit_holdout_rel_rms", fit.holdoutRelRms());
    l.put("fit_kernels", fit.kernels());
    l.put("note", "predicted by the whole-network latency fit (1 thread, 256²); measure with `qprune bench latency`");
    return l;
  }

  private static PruneResult classifier(PruneRequest request, Solver solver) {
    PruneConfig cfg = request.config();
    FashionMnist.Splits splits = FashionMnist.load(request.data());
    try (Classifier m = loadClassifier(cfg.model())) {
      ClassifierPruneRun.Result r = ClassifierPruneRun.run(m, splits, cfg, solver, request.progress());
      ObjectNode rep = report(cfg);
      rep.put("model", m.toString());
      rep.put("data", FashionMnist.locate(request.data()).toString());
      if (!splits.note().isEmpty()) {
        rep.put("data_note", splits.note());
      }
      rep.set("selection", PruneFiles.selection(r.pruned()));
      ObjectNode c = rep.putObject("cost");
      c.put("flops_per_image", r.keptFlops());
      c.put("flops_full", r.fullFlops());
      c.put("flops_fraction", r.keptFlops() / r.fullFlops());
      c.put("params", r.keptParams());
      c.put("params_full", r.fullParams());
      c.put("params_fraction", r.keptParams() / r.fullParams());
      if (!Double.isNaN(r.latencyMs())) {
        ObjectNode l = predictedLatency(cfg, r.latencyMs(), r.fullLatencyMs());
        rep.set("latency", l);
        l.put("note", "predicted by the whole-network latency fit (1 thread, batches of "
            + ClassifierPruneRun.LATENCY_BATCH + "); measure with `qprune bench latency --model " + cfg.model() + "`");
      }
      if (cfg.budget() != null) {
        double kept = switch (cfg.budget().kind()) {
          case FLOPS -> r.keptFlops() / r.fullFlops();
          case PARAMS -> r.keptParams() / r.fullParams();
          case LATENCY -> r.latencyMs() / r.fullLatencyMs();
        };
        rep.set("budget", PruneFiles.budget(cfg.budget(), kept).put("within_tolerance", cfg.budget().within(kept, 1)));
      }
      if (cfg.evaluate()) {
        rep.putObject("val").put("accuracy", r.valAccuracy()).put("images", splits.validation().count());
        rep.putObject("test").put("accuracy", r.testAccuracy()).put("images", splits.test().count());
      }
      rep.set("seconds", PruneFiles.seconds(stageSeconds(r.seconds(), r.pruned())));
      return result(r.scores(), r.pruned(), r.pruned().selection().mask(), cfg.settings().method().toString(),
          cfg.settings(), rep);
    }
  }

  /** A new report.json tree, starting with the config it ran with. */
  private static ObjectNode report(PruneConfig cfg) {
    ObjectNode rep = PruneFiles.mapper().createObjectNode();
    rep.set("config", PruneFiles.mapper().valueToTree(cfg.asMap()));
    return rep;
  }

  private static Map<String, Double> stageSeconds(Map<String, Double> stages, Pruned p) {
    Map<String, Double> secs = new LinkedHashMap<>(stages);
    secs.put("build_qubo", p.buildSeconds());
    secs.put("capacity_search", p.selection().seconds());
    return secs;
  }

  private static PruneResult result(ScoreSet s, Pruned p, Mask mask, String method,
      PruneSettings settings, ObjectNode report) {
    return new PruneResult(new MaskFile(method, settings.sparsity(), s.layout().ids(), mask), s, p.qubo(), report);
  }
}
