package io.qprune.bench.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.prune.io.PruneFiles;
import io.qprune.bench.pruning.PsnrPlot;
import io.qprune.bench.report.HtmlPage;
import io.qprune.bench.report.RunEnvironment;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.ImageFiles;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.eval.ImageDenoiser;
import io.qprune.formulation.eval.Psnr;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.PruneConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the demo's report folder: {@code index.html} (table, PSNR-vs-sparsity plot, before/after
 * crops of a test photo), the plot as PNG and SVG, the crops as PNG, {@code summary.md} and
 * {@code demo.json}.
 */
public final class DemoReport {
  private static final int CROP = 128;

  private DemoReport() {}

  public static void write(Path dir, Demo.Outcome o, Denoiser model, PruneConfig cfg, DemoOptions opt,
      String command) {
    RunEnvironment env = RunEnvironment.current(command, null);
    List<PsnrPlot.Series> series = new ArrayList<>();
    List<DemoRow> counted = o.rows().stream().filter(r -> !r.budgeted()).toList();
    for (String method : counted.stream().map(DemoRow::method).distinct().toList()) {
      List<DemoRow> rs = counted.stream().filter(r -> r.method().equals(method)).toList();
      series.add(new PsnrPlot.Series(method, rs.stream().mapToDouble(DemoRow::sparsity).toArray(),
          rs.stream().mapToDouble(DemoRow::testPsnr).toArray(), new double[rs.size()]));
    }
    PsnrPlot.plot(series, o.unpruned().testPsnr(), "Test PSNR vs filter sparsity (shipped Half-UNet, sigma 25)",
        dir.resolve("psnr-vs-sparsity.png"));
    List<PsnrPlot.Series> byFlops = new ArrayList<>();
    for (boolean budgeted : new boolean[] {true, false}) {
      List<DemoRow> part = o.rows().stream().filter(r -> r.budgeted() == budgeted).toList();
      for (String method : part.stream().map(DemoRow::method).distinct().toList()) {
        List<DemoRow> rs = part.stream().filter(r -> r.method().equals(method)).toList();
        byFlops.add(new PsnrPlot.Series(method + (budgeted ? " (FLOPs budget)" : " (unit count)"),
            rs.stream().mapToDouble(DemoRow::flopsFraction).toArray(),
            rs.stream().mapToDouble(DemoRow::testPsnr).toArray(), new double[rs.size()]));
      }
    }
    PsnrPlot.plot(byFlops, o.unpruned().testPsnr(), "Test PSNR vs FLOPs kept (shipped Half-UNet, sigma 25)",
        "FLOPs kept (fraction of the unpruned network's)", dir.resolve("psnr-vs-flops.png"));
    List<String[]> crops = crops(dir, o, model, opt);
    HtmlPage h = new HtmlPage("qprune demo: pruning the shipped Half-UNet denoiser");
    String budgets = opt.flops().stream().map(f -> DemoTable.f("%.0f %%", 100 * f)).collect(Collectors.joining(", "));
    h.p((opt.flops().isEmpty() ? "" : "At equal cost first (" + budgets + " of the unpruned FLOPs, every"
        + " method within its tolerance of the budget): the hybrid QUBO with the FLOPs cost in its"
        + " objective, greedy Taylor pruned lowest-first until it fits, and the HALP-style knapsack (Taylor"
        + " importance, exact 0/1 knapsack). Then at equal unit counts: ")
        + "filters pruned by the hybrid QUBO (Taylor/Fisher importance and activation redundancy, exact"
        + " sparsity by the capacity search, solver " + cfg.solver() + "), then polished by TT refinement"
        + " (PROTES on " + opt.refineLayers() + " layers, " + opt.refineBudget() + " validation evaluations),"
        + " compared with greedy Taylor pruning and the unpruned network on the held-out test photos"
        + (cfg.evalPhotos() > 0 ? " (only the " + cfg.evalPhotos() + " smallest, --photos)" : "")
        + " (Gaussian noise, sigma " + cfg.sigma() + "). No fine-tuning or bias compensation after pruning.");
    h.h2("Comparison").table(DemoTable.HEAD, DemoTable.rows(o))
        .note("Bold: best of each budget and sparsity. Seconds: selection (and refinement) wall time; scores and"
            + " similarity took " + DemoTable.f("%.1f", o.scoreSeconds()) + " s once.");
    for (Demo.Refinement x : o.refined()) {
      var r = x.refined();
      h.note("TT refinement at " + x.where() + ": " + r.units() + " units in layers " + String.join(", ", r.layers())
          + "; validation-crop PSNR " + DemoTable.f("%.4f", r.valBefore()) + " -> "
          + DemoTable.f("%.4f", r.valAfter()) + " dB after " + r.result().evaluations() + " evaluations ("
          + DemoTable.f("%.2f", r.evaluationsPerSecond()) + " per second); "
          + PruneFiles.changed(r.start(), r.mask()) + " units changed. The test photos were never"
          + " seen by the optimiser.");
    }
    h.h2("PSNR vs FLOPs").plot("psnr-vs-flops.png", "psnr-vs-flops.svg", "PSNR vs FLOPs kept");
    h.h2("PSNR vs sparsity").plot("psnr-vs-sparsity.png", "psnr-vs-sparsity.svg", "PSNR vs sparsity");
    h.h2("Before and after (test photo crop, " + CROP + " x " + CROP + ")").crops(crops);
    h.h2("How this was made");
    StringBuilder info = new StringBuilder();
    env.describe().forEach((k, v) -> info.append(k).append(": ").append(v).append('\n'));
    info.append("pytorch threads: ").append(opt.threads()).append('\n');
    info.append("seed: ").append(opt.seed()).append(", eval seed: ").append(cfg.evalSeed()).append('\n');
    info.append("total: ").append(DemoTable.f("%.1f", o.totalSeconds())).append(" s\n");
    h.pre(info.toString());
    AtomicFiles.writeString(dir.resolve("index.html"), h.render());
    AtomicFiles.writeString(dir.resolve("summary.md"), DemoTable.markdown(o));
    PruneFiles.write(dir.resolve("demo.json"), json(o, cfg, opt, env));
  }

  /** The comparison as fixed-width text for the terminal. */
  public static String table(Demo.Outcome o) {
    return DemoTable.text(o);
  }

  private static List<String[]> crops(Path dir, Demo.Outcome o, Denoiser model, DemoOptions opt) {
    NoisyPair photo = o.test().get(0);
    Image clean = photo.clean();
    int h = Math.min(CROP, clean.height());
    int w = Math.min(CROP, clean.width());
    int y = (clean.height() - h) / 2;
    int x = (clean.width() - w) / 2;
    List<String[]> out = new ArrayList<>();
    Image c = clean.crop(y, x, h, w);
    out.add(save(dir, "clean", c, photo.name() + " (clean)"));
    Image n = photo.noisy().crop(y, x, h, w);
    out.add(save(dir, "noisy", n, DemoTable.f("noisy: %.2f dB", Psnr.of(c, n))));
    Mask before = model.mask();
    try {
      List<DemoRow> shown = new ArrayList<>(List.of(o.unpruned()));
      o.rows().stream().filter(r -> !r.budgeted() && r.sparsity() == opt.refineSparsity()).forEach(shown::add);
      for (DemoRow r : shown) {
        model.setMask(r.mask());
        Image d = ImageDenoiser.denoise(model, photo.noisy()).crop(y, x, h, w);
        String name = r.method().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
        out.add(save(dir, name, d, r.method() + DemoTable.f(": %.2f dB", Psnr.of(c, d))));
      }
    } finally {
      model.setMask(before);
    }
    return out;
  }

  private static String[] save(Path dir, String name, Image img, String caption) {
    String rel = "crops/" + name + ".png";
    ImageFiles.writePng(img, dir.resolve(rel));
    return new String[] {rel, caption};
  }

  private static ObjectNode json(Demo.Outcome o, PruneConfig cfg, DemoOptions opt, RunEnvironment env) {
    ObjectNode root = PruneFiles.mapper().createObjectNode();
    root.putPOJO("environment", env.describe());
    root.putPOJO("config", cfg.asMap());
    root.putPOJO("options", Map.of("flops", opt.flops(), "sparsities", opt.sparsities(), "refine_sparsity", opt.refineSparsity(),
        "refine_layers", opt.refineLayers(), "refine_budget", opt.refineBudget(), "seed", opt.seed(),
        "threads", opt.threads()));
    ArrayNode rows = root.putArray("rows");
    List<DemoRow> all = new ArrayList<>(List.of(o.unpruned()));
    all.addAll(o.rows());
    for (DemoRow r : all) {
      ObjectNode row = rows.addObject().put("method", r.method()).put("sparsity", r.sparsity());
      if (r.budgeted()) {
        row.put("flops_budget", r.flopsBudget());
      }
      row.put("kept", r.kept())
          .put("units", r.units()).put("params_fraction", r.paramsFraction())
          .put("flops_fraction", r.flopsFraction()).put("test_psnr", r.testPsnr())
          .put("test_ssim", r.testSsim()).put("seconds", r.seconds()).put("mask", r.mask().toString());
    }
    ArrayNode refined = root.putArray("refined");
    for (Demo.Refinement x : o.refined()) {
      ObjectNode r = refined.addObject().put("where", x.where());
      r.setAll(PruneFiles.refined(x.refined()));
    }
    root.put("score_seconds", o.scoreSeconds());
    root.put("total_seconds", o.totalSeconds());
    return root;
  }
}
