package io.qprune.bench.pruning;

import io.qprune.api.io.AtomicFiles;
import io.qprune.bench.report.HtmlPage;
import io.qprune.bench.report.RunEnvironment;
import io.qprune.bench.report.Wilcoxon;
import io.qprune.bench.report.WilcoxonResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pruning comparison's {@code report.html}: how it was run, the summary table, the
 * PSNR-vs-sparsity plot and paired Wilcoxon signed-rank tests between methods on test PSNR over
 * the (sparsity, seed) pairs.
 */
public final class PruningReport {
  private PruningReport() {}

  /** One paired comparison of two methods. */
  public record Comparison(String a, String b, WilcoxonResult result) {}

  /** Every pair of methods, compared over the (sparsity, seed) cells both ran; d = PSNR(A) − PSNR(B). */
  public static List<Comparison> compare(List<RunRow> rows) {
    Map<String, Double> psnr = new HashMap<>();
    Set<String> methods = new LinkedHashSet<>();
    for (RunRow r : rows) {
      methods.add(r.method());
      psnr.put(key(r.method(), r.sparsity(), r.seed()), r.testPsnr());
    }
    List<String> ms = List.copyOf(methods);
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      for (int j = i + 1; j < ms.size(); j++) {
        List<Double> d = new ArrayList<>();
        for (RunRow r : rows) {
          if (r.method().equals(ms.get(i))) {
            Double other = psnr.get(key(ms.get(j), r.sparsity(), r.seed()));
            if (other != null) {
              d.add(r.testPsnr() - other);
            }
          }
        }
        if (!d.isEmpty()) {
          out.add(new Comparison(ms.get(i), ms.get(j), Wilcoxon.test(d.stream().mapToDouble(x -> x).toArray())));
        }
      }
    }
    return out;
  }

  private static String key(String method, double sparsity, long seed) {
    return method + "@" + sparsity + "#" + seed;
  }

  /** Writes {@code dir/report.html} (the plot must already be in {@code dir}). */
  public static void write(Path dir, List<SummaryRow> summary, List<RunRow> rows, String note,
      String command, Map<String, Object> settings) {
    HtmlPage h = new HtmlPage("qprune bench pruning");
    h.p(note);
    List<List<String>> table = new ArrayList<>();
    for (SummaryRow r : summary) {
      table.add(List.of(r.method(), f("%.2f", r.sparsity()), Integer.toString(r.runs()),
          f("%.3f", r.psnrMean()) + " ± " + f("%.3f", r.psnrStd()),
          f("%.4f", r.ssimMean()) + " ± " + f("%.4f", r.ssimStd()),
          Double.isNaN(r.valPsnrMean()) ? "–" : f("%.3f", r.valPsnrMean()), f("%.1f %%", 100 * r.paramsFraction()),
          f("%.1f %%", 100 * r.flopsFraction()), r.exactK() + "/" + r.runs(),
          r.alphaBeta().isEmpty() ? "–" : r.alphaBeta(), f("%.2f", r.selectSeconds())));
    }
    h.h2("Summary (test photos; mean ± std over seeds)").table(List.of("method", "sparsity", "runs",
        "test PSNR (dB)", "test SSIM", "val PSNR (crops)", "params", "FLOPs", "exact k", "α/β", "select s"), table);
    h.h2("PSNR vs sparsity").plot("psnr-vs-sparsity.png", "psnr-vs-sparsity.svg", "test PSNR vs sparsity");
    List<List<String>> w = new ArrayList<>();
    for (Comparison c : compare(rows)) {
      WilcoxonResult r = c.result();
      w.add(List.of(c.a(), c.b(), Integer.toString(r.pairs()), Integer.toString(r.n()), f("%.1f", r.w()),
          f("%.4g", r.p()), r.method(), f("%+.3f", r.rankBiserial()), f("%+.3f", r.medianDifference()),
          r.verdict(c.a(), c.b())));
    }
    h.h2("Paired comparisons (Wilcoxon signed-rank on test PSNR)").table(List.of("A", "B", "pairs",
        "n (d≠0)", "W", "p", "method", "rank-biserial r", "median d (dB)", "verdict"), w)
        .note("Pairs are (sparsity, seed) cells both methods ran; d = PSNR(A) − PSNR(B), zero differences"
            + " dropped before ranking. \"A better than B\" only when p < 0.05 and the median difference"
            + " favours A; with 5 pairs or fewer the exact test cannot reach p < 0.05. No correction for"
            + " multiple comparisons.");
    h.h2("How this was made");
    StringBuilder info = new StringBuilder();
    RunEnvironment.current(command, null).describe().forEach((k, v) -> info.append(k).append(": ").append(v).append('\n'));
    settings.forEach((k, v) -> info.append(k).append(": ").append(v).append('\n'));
    h.pre(info.toString());
    AtomicFiles.writeString(dir.resolve("report.html"), h.render());
  }

  private static String f(String fmt, double v) {
    return String.format(Locale.ROOT, fmt, v);
  }
}
