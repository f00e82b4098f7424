package io.qprune.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.qprune.api.QpruneException;
import io.qprune.api.io.AtomicFiles;
import io.qprune.bench.solvers.BenchPlan;
import io.qprune.bench.solvers.BenchRow;
import io.qprune.bench.solvers.SummaryTable;
import io.qprune.bench.solvers.Tts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.html} beside results.csv/json: how the campaign ran, the summary, the
 * per-instance runs, the Wilcoxon comparisons and the plots (sibling PNG files, each with an SVG twin).
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes the plots and the report into {@code out}; returns the report's path. */
  public static Path write(Path out, BenchPlan plan, List<BenchRow> rows, List<PairedComparison> comparisons,
      RunEnvironment env) {
    Gaps gaps = new Gaps(rows);
    List<String> labels = plan.solvers().stream().map(s -> s.label()).toList();
    Map<String, List<BenchRow>> byInstance = new LinkedHashMap<>();
    rows.forEach(r -> byInstance.computeIfAbsent(r.instance(), k -> new ArrayList<>()).add(r));
    double maxLimit = plan.timeLimits().stream().mapToDouble(d -> d).max().orElseThrow();
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>qprune bench solvers report</title><style>" + Html.CSS + "</style></head><body>\n"
        + "<h1>qprune bench solvers — report</h1>\n");
    run(h, plan, env, rows.size());
    h.append("<h2>Summary</h2>\n").append(Html.table(SummaryTable.lines(rows), List.of(0, 2)));
    h.append("<h2>Paired comparisons (Wilcoxon signed-rank)</h2>\n").append(Html.table(
        WilcoxonTable.lines(comparisons), List.of(1, 2, 10, 13))).append(ReportNotes.WILCOXON);
    h.append("<h2>Plots</h2>\n<h3>(a) Gap vs time</h3>\n").append(ReportNotes.curves(plan.timeLimits().size()));
    for (Map.Entry<String, List<BenchRow>> e : byInstance.entrySet()) {
      String name = "gap-vs-time-" + ChartFiles.safe(e.getKey());
      ChartFiles.save(GapTimePlot.chart(e.getKey(), e.getValue(), labels, gaps), out, name);
      h.append(Html.figure(name, e.getKey() + ": gap vs time limit, median and min–max over repeats"));
    }
    ChartFiles.save(SuccessPlot.chart(rows, labels, gaps), out, "success-rate");
    h.append("<h3>(b) Success rate</h3>\n").append(Html.figure("success-rate",
        "Share of runs (all instances and repeats) reaching the best-known value, or the best value found"
            + " in this campaign where none is listed"));
    h.append("<h3>(c) Time to target</h3>\n").append(ReportNotes.TIME_TO_TARGET);
    List<String[]> ttt = new ArrayList<>();
    ttt.add(new String[] {"instance", "solver", "runs", "reached", "median time to target s", "censored at limit",
        "TTS99 s"});
    for (Map.Entry<String, List<BenchRow>> e : byInstance.entrySet()) {
      List<BenchRow> atMax = e.getValue().stream().filter(r -> r.timeLimitSeconds() == maxLimit).toList();
      String name = "time-to-target-" + ChartFiles.safe(e.getKey());
      ChartFiles.save(TimeToTargetPlot.chart(e.getKey(), atMax, labels, gaps, maxLimit), out, name);
      h.append(Html.figure(name, e.getKey() + ": time to target per solver; crosses mark censored runs"));
      for (String label : labels) {
        List<BenchRow> mine = atMax.stream().filter(r -> r.label().equals(label)).toList();
        List<Double> t = mine.stream().filter(gaps::reached).map(BenchRow::timeToBestSeconds).toList();
        long censored = mine.size() - t.size();
        ttt.add(new String[] {e.getKey(), label, Integer.toString(mine.size()), Integer.toString(t.size()),
            SummaryTable.fmt(SummaryTable.median(t), 3),
            censored == 0 ? "" : censored + " (> " + SummaryTable.fmt(maxLimit, 3) + " s)",
            Tts.text(maxLimit, t.size(), mine.size())});
      }
    }
    h.append(Html.table(ttt, List.of(0, 1)));
    h.append("<h2>Runs per instance</h2>\n");
    for (Map.Entry<String, List<BenchRow>> e : byInstance.entrySet()) {
      h.append("<h3>").append(Html.esc(e.getKey())).append("</h3>\n").append(Html.table(runs(e.getValue(), gaps),
          List.of(0)));
    }
    h.append("</body></html>\n");
    Path report = out.resolve("report.html");
    AtomicFiles.writeString(report, h.toString());
    return report;
  }

  private static void run(StringBuilder h, BenchPlan plan, RunEnvironment env, int runs) {
    h.append("<h2>Run</h2>\n<dl>");
    dd(h, "command", "<code>" + Html.esc(env.commandLine()) + "</code>");
    dd(h, "date", Html.esc(env.date()));
    dd(h, "qprune", Html.esc(env.qpruneVersion()));
    dd(h, "Java", Html.esc(env.java()));
    dd(h, "OS", Html.esc(env.os()));
    dd(h, "machine", env.cores() + " processors available to the JVM, max heap " + env.maxHeapMiB() + " MiB");
    dd(h, "JVM arguments", "<code>" + Html.esc(env.jvmArguments()) + "</code>");
    dd(h, "seeds", Html.esc(plan.seeds().toString()) + " (repeat r uses seed " + plan.seed() + " + r)");
    dd(h, "time limits", Html.esc(plan.timeLimits().toString()) + " s per run");
    dd(h, "runs", Integer.toString(runs));
    h.append("</dl>\n");
    if (env.planText() != null) {
      h.append("<p>Plan file as given:</p><pre>").append(Html.esc(env.planText())).append("</pre>\n");
    }
    h.append("<p>Plan as run (after command-line overrides; paths resolved):</p><pre>").append(Html.esc(yaml(plan)))
        .append("</pre>\n");
  }

  private static void dd(StringBuilder h, String term, String html) {
    h.append("<dt>").append(Html.esc(term)).append("</dt><dd>").append(html).append("</dd>");
  }

  private static List<String[]> runs(List<BenchRow> rows, Gaps gaps) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"solver", "limit s", "repeat", "seed", "objective", "gap %", "reached", "time to best s",
        "wall s", "service s", "rate"});
    for (BenchRow r : rows) {
      lines.add(new String[] {r.label(), SummaryTable.fmt(r.timeLimitSeconds(), 3), Integer.toString(r.repeat()),
          Long.toString(r.seed()), SummaryTable.fmt(r.objective(), 1), SummaryTable.fmt(gaps.percent(r), 4),
          gaps.reached(r) ? "yes" : "no", SummaryTable.fmt(r.timeToBestSeconds(), 3),
          SummaryTable.fmt(r.totalSeconds(), 3),
          r.serviceSeconds() == null ? "" : SummaryTable.fmt(r.serviceSeconds(), 3),
          Double.isNaN(r.rate()) ? "" : String.format(java.util.Locale.ROOT, "%.3g %s", r.rate(), r.rateUnit())});
    }
    return lines;
  }

  private static String yaml(BenchPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>(plan.describe());
    m.put("out", plan.out().toAbsolutePath().normalize().toString());
    try {
      return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
          .writeValueAsString(m);
    } catch (IOException e) {
      throw new QpruneException("Cannot write the plan as YAML: " + e.getMessage(), e);
    }
  }
}
