package io.qprune.bench.pruning;

import io.qprune.api.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** The classifier comparison's summary (mean ± std over seeds per method and level): CSV, Markdown, plot. */
public final class ClassifierTable {
  /** The rows of one method at one level, summarised. */
  public record Summary(String method, double level, int runs, double testMean, double testStd, double valMean,
      double paramsFraction, double flopsFraction, double flopsMin, double flopsMax, int within, String alphaBeta,
      double selectSeconds, double evalSeconds) {}

  private ClassifierTable() {}

  /** One summary per (level, method), levels descending, methods in the order they first appear. */
  public static List<Summary> summarise(List<ClassifierRow> rows) {
    Map<String, List<ClassifierRow>> groups = new LinkedHashMap<>();
    rows.forEach(r -> groups.computeIfAbsent(r.method() + "@" + r.level(), k -> new ArrayList<>()).add(r));
    List<Summary> out = new ArrayList<>();
    for (List<ClassifierRow> g : groups.values()) {
      SummaryStatistics test = new SummaryStatistics();
      SummaryStatistics val = new SummaryStatistics();
      SummaryStatistics params = new SummaryStatistics();
      SummaryStatistics flops = new SummaryStatistics();
      SummaryStatistics select = new SummaryStatistics();
      SummaryStatistics eval = new SummaryStatistics();
      Set<String> ab = new LinkedHashSet<>();
      int within = 0;
      for (ClassifierRow r : g) {
        test.addValue(r.testAccuracy());
        if (!Double.isNaN(r.valAccuracy())) {
          val.addValue(r.valAccuracy());
        }
        params.addValue(r.paramsFraction());
        flops.addValue(r.flopsFraction());
        select.addValue(r.selectSeconds());
        eval.addValue(r.evalSeconds());
        within += r.withinBudget() ? 1 : 0;
        if (!Double.isNaN(r.alpha())) {
          ab.add(String.format(Locale.ROOT, "%.2g/%.2g", r.alpha(), r.beta()));
        }
      }
      ClassifierRow f = g.get(0);
      out.add(new Summary(f.method(), f.level(), g.size(), test.getMean(), test.getN() > 1 ? test.getStandardDeviation()
          : 0, val.getN() == 0 ? Double.NaN : val.getMean(), params.getMean(), flops.getMean(), flops.getMin(),
          flops.getMax(), within, String.join(" ", ab), select.getMean(), eval.getMean()));
    }
    out.sort(java.util.Comparator.comparingDouble(Summary::level).reversed());
    return out;
  }

  /** The summary as a Markdown table (accuracies in %); {@code note} goes above it. */
  public static String markdown(List<Summary> rows, String note) {
    StringBuilder sb = new StringBuilder(note.isBlank() ? "" : note + "\n\n");
    sb.append("| level | method | test acc (%) | val acc (%) | FLOPs kept | params kept | within budget | α/β"
        + " | select s | eval s |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Summary r : rows) {
      sb.append(String.format(Locale.ROOT, "| %.2f | %s | %.2f ± %.2f | %s | %.2f %% (%.2f–%.2f) | %.1f %% | %d/%d"
          + " | %s | %.2f | %.1f |%n", r.level(), r.method(), 100 * r.testMean(), 100 * r.testStd(),
          Double.isNaN(r.valMean()) ? "–" : String.format(Locale.ROOT, "%.2f", 100 * r.valMean()),
          100 * r.flopsFraction(), 100 * r.flopsMin(), 100 * r.flopsMax(), 100 * r.paramsFraction(), r.within(),
          r.runs(), r.alphaBeta().isEmpty() ? "–" : r.alphaBeta(), r.selectSeconds(), r.evalSeconds()));
    }
    return sb.toString();
  }

  /** Writes runs.csv, summary.csv, summary.md, sweep.csv and, over several levels, accuracy-vs-FLOPs PNG/SVG. */
  public static void write(Path out, ClassifierBench.Outcome r, List<Summary> summary, String md) {
    StringBuilder runs = new StringBuilder(ClassifierRow.CSV_HEADER).append('\n').append(r.unpruned().csv())
        .append('\n');
    r.rows().forEach(x -> runs.append(x.csv()).append('\n'));
    AtomicFiles.writeString(out.resolve("runs.csv"), runs.toString());
    StringBuilder sc = new StringBuilder("method,level,runs,test_accuracy_mean,test_accuracy_std,val_accuracy_mean,"
        + "params_fraction,flops_fraction,flops_min,flops_max,within_budget_runs,alpha_beta,select_s,eval_s\n");
    for (Summary s : summary) {
      sc.append(String.format(Locale.ROOT, "%s,%.4f,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%s,%.3f,%.2f%n",
          s.method(), s.level(), s.runs(), s.testMean(), s.testStd(), s.valMean(), s.paramsFraction(),
          s.flopsFraction(), s.flopsMin(), s.flopsMax(), s.within(), s.alphaBeta(), s.selectSeconds(),
          s.evalSeconds()));
    }
    AtomicFiles.writeString(out.resolve("summary.csv"), sc.toString());
    AtomicFiles.writeString(out.resolve("summary.md"), md);
    StringBuilder sw = new StringBuilder("level,seed,alpha,beta,val_accuracy\n");
    r.sweep().forEach(p -> sw.append(String.format(Locale.ROOT, "%.4f,%d,%.3g,%.3g,%.6f%n", p.sparsity(), p.seed(),
        p.alpha(), p.beta(), p.valPsnr())));
    AtomicFiles.writeString(out.resolve("sweep.csv"), sw.toString());
    if (summary.stream().map(Summary::level).distinct().count() > 1) {
      Map<String, List<Summary>> byMethod = new LinkedHashMap<>();
      summary.forEach(s -> byMethod.computeIfAbsent(s.method(), k -> new ArrayList<>()).add(s));
      List<PsnrPlot.Series> series = new ArrayList<>();
      byMethod.forEach((m, s) -> series.add(new PsnrPlot.Series(m,
          s.stream().mapToDouble(Summary::flopsFraction).toArray(),
          s.stream().mapToDouble(x -> 100 * x.testMean()).toArray(),
          s.stream().mapToDouble(x -> 100 * x.testStd()).toArray())));
      PsnrPlot.plot(series, 100 * r.unpruned().testAccuracy(), "Test accuracy vs FLOPs kept",
          "FLOPs kept (fraction of the unpruned network)", "test accuracy (%)", out.resolve("accuracy-vs-flops.png"));
    }
  }
}
