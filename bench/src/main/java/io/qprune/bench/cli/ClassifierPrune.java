package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.bench.pruning.PruneOutputs;
import io.qprune.api.Solver;
import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.prune.ClassifierPruneRun;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code qprune prune} on a ResNet classifier: filter pruning, accuracy of the cut network, the usual files. */
final class ClassifierPrune {
  private ClassifierPrune() {}

  /** The shipped classifier ({@code resnet20}) or the classifier file the config names. */
  static Classifier load(String model) {
    return model.equals("resnet20") ? ClassifierFile.loadDefault() : ClassifierFile.load(Path.of(model));
  }

  static int run(PruneConfig cfg, Solver sc, Path data, Path out, PrintWriter o, PruneRun.Progress log) {
    FashionMnist.Splits splits = FashionMnist.load(data);
    try (Classifier m = load(cfg.model())) {
      ClassifierPruneRun.Result r = ClassifierPruneRun.run(m, splits, cfg, sc, log);
      PruneOutputs.writeSelection(out, r.scores(), r.pruned(), cfg.settings());
      ObjectNode rep = PruneOutputs.mapper().createObjectNode();
      rep.putPOJO("config", cfg.asMap());
      rep.put("model", m.toString());
      rep.put("data", FashionMnist.locate(data).toString());
      if (!splits.note().isEmpty()) {
        rep.put("data_note", splits.note());
      }
      rep.set("selection", PruneOutputs.selection(r.pruned()));
      ObjectNode c = rep.putObject("cost");
      c.put("flops_per_image", r.keptFlops());
      c.put("flops_full", r.fullFlops());
      c.put("flops_fraction", r.keptFlops() / r.fullFlops());
      c.put("params", r.keptParams());
      c.put("params_full", r.fullParams());
      c.put("params_fraction", r.keptParams() / r.fullParams());
      if (cfg.budget() != null) {
        double kept = cfg.budget().kind() == io.qprune.formulation.cost.CostKind.FLOPS
            ? r.keptFlops() / r.fullFlops() : r.keptParams() / r.fullParams();
        rep.set("budget", PruneOutputs.budget(cfg.budget(), kept).put("within_tolerance",
            cfg.budget().within(kept, 1)));
      }
      if (cfg.evaluate()) {
        rep.putObject("val").put("accuracy", r.valAccuracy()).put("images", splits.validation().count());
        rep.putObject("test").put("accuracy", r.testAccuracy()).put("images", splits.test().count());
      }
      Map<String, Double> secs = new LinkedHashMap<>(r.seconds());
      secs.put("build_qubo", r.pruned().buildSeconds());
      secs.put("capacity_search", r.pruned().selection().seconds());
      rep.set("seconds", PruneOutputs.seconds(secs));
      PruneOutputs.write(out.resolve(PruneOutputs.REPORT), rep);
      o.printf(Locale.ROOT, "%s: kept %d of %d channel units (sparsity %.3f), params %.1f %%, FLOPs %.2f %%%n",
          cfg.settings().method(), r.pruned().selection().mask().kept(), r.scores().layout().size(),
          r.pruned().selection().mask().sparsity(), 100 * r.keptParams() / r.fullParams(),
          100 * r.keptFlops() / r.fullFlops());
      if (cfg.evaluate()) {
        o.printf(Locale.ROOT, "validation accuracy %.2f %%, test accuracy %.2f %% (%d images)%n",
            100 * r.valAccuracy(), 100 * r.testAccuracy(), splits.test().count());
      }
      o.printf(Locale.ROOT, "wrote %s (mask.json, qubo.json, scores.json, report.json)%n", out);
      o.flush();
    }
    return ExitCodes.OK;
  }
}
