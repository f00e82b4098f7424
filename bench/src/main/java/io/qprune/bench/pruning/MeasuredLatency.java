package io.qprune.bench.pruning;

import io.qprune.api.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.cost.ForwardTimer;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.bench.report.ChartFiles;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.SlimDenoiser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The pruning comparison's measured latency: every run's mask exported for real ({@link
 * SlimDenoiser}, the network {@code qprune export} writes) and timed beside the unpruned network
 * exported the same way (every unit kept), all in one interleaved loop ({@link ForwardTimer}), so
 * methods compared at one FLOPs budget are also compared at what they cost in time. The runs come
 * from the comparison's {@code masks.json} ({@code qprune bench latency --runs DIR}): timing runs in
 * a forward-only process, with the CPU's own kernels.
 */
public final class MeasuredLatency {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file of every run's mask that {@code bench pruning} writes. */
  public static final String MASKS = "masks.json";

  /**
   * One run of the comparison: what it is, its test metric (a denoiser's PSNR in dB, a classifier's
   * accuracy as a fraction) and its mask.
   */
  public record Run(String method, double level, long seed, double flopsFraction, double metric, Mask mask) {}

  /** Writes {@code dir/masks.json}: the unpruned network first, then every run with a mask. */
  public static void writeRuns(Path dir, RunRow unpruned, List<RunRow> rows) {
    List<Run> all = new ArrayList<>();
    all.add(new Run(unpruned.method(), unpruned.sparsity(), unpruned.seed(), unpruned.flopsFraction(),
        unpruned.testPsnr(), unpruned.mask()));
    rows.stream().filter(r -> r.mask() != null).forEach(r -> all.add(new Run(r.method(), r.sparsity(), r.seed(),
        r.flopsFraction(), r.testPsnr(), r.mask())));
    writeRuns(dir, all, "test_psnr");
  }

  /** Writes {@code dir/masks.json} of {@code runs}, each metric under the key {@code metric} (test_psnr, test_accuracy). */
  public static void writeRuns(Path dir, List<Run> runs, String metric) {
    ArrayNode a = JSON.createArrayNode();
    for (Run r : runs) {
      var o = a.addObject().put("method", r.method()).put("level", r.level()).put("seed", r.seed())
          .put("flops_fraction", r.flopsFraction()).put(metric, r.metric());
      var bits = o.putArray("kept");
      for (int b : r.mask().toBits()) {
        bits.add(b);
      }
    }
    AtomicFiles.writeString(dir.resolve(MASKS), a.toString() + "\n");
  }

  /** Reads a {@code masks.json}; errors name the file and the entry. */
  public static List<Run> readRuns(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new InvalidInputException(file + ": expected a non-empty JSON array of runs (from"
          + " `qprune bench pruning`)");
    }
    List<Run> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      var o = root.get(i);
      var kept = o.get("kept");
      if (!o.hasNonNull("method") || kept == null || !kept.isArray() || kept.isEmpty()) {
        throw new InvalidInputException(file + ": run " + i + " needs 'method' and a non-empty 'kept' list");
      }
      int[] bits = new int[kept.size()];
      for (int j = 0; j < bits.length; j++) {
        int b = kept.get(j).asInt(-1);
        if (b != 0 && b != 1) {
          throw new InvalidInputException(file + ": run " + i + " kept[" + j + "] is " + kept.get(j)
              + ", not 0 or 1");
        }
        bits[j] = b;
      }
      out.add(new Run(o.get("method").asText(), o.path("level").asDouble(Double.NaN), o.path("seed").asLong(0),
          o.path("flops_fraction").asDouble(Double.NaN),
          o.path(o.has("test_accuracy") ? "test_accuracy" : "test_psnr").asDouble(Double.NaN), Mask.ofBits(bits)));
    }
    return out;
  }
  /**
   * One run's latency: median (q1, q3, min) ms, the ratio of medians to the unpruned network's, and
   * the ratio the latency fit predicts (NaN without one).
   */
  public record Row(String method, double level, long seed, int kept, double flopsFraction, double metric,
      double medianMs, double q1Ms, double q3Ms, double minMs, double ratio, double predicted) {}

  /**
   * The measurement's setting: input side, PyTorch threads, timed rounds; {@code batch} images per
   * forward for a classifier (its own side), 0 for a denoiser (one image of {@code size}²).
   */
  public record Setting(int size, int threads, int repeats, int batch) {
    public Setting(int size, int threads, int repeats) {
      this(size, threads, repeats, 0);
    }

    boolean classifier() {
      return batch > 0;
    }

    String input() {
      return classifier() ? String.format(Locale.ROOT, "batch %d × %d²", batch, size) : size + "²";
    }

    String metric() {
      return classifier() ? "test accuracy (%)" : "test PSNR (dB)";
    }

    /** The metric as shown: accuracy in percent, PSNR as it is. */
    double shown(double metric) {
      return classifier() ? 100 * metric : metric;
    }
  }

  private MeasuredLatency() {}

  /**
   * Times the runs' masks on {@code model} beside the unpruned network (every unit, exported the
   * same way), which is the first row returned; runs keeping no unit are left out. With a latency
   * {@code fit} (null: none), each row also has the ratio it predicts.
   */
  public static List<Row> measure(Denoiser model, List<Run> runs, Setting s, PrintWriter err, MaskCost fit) {
    err.printf(Locale.ROOT, "timing the exported networks (%s, %d thread%s, %d rounds)...%n", s.input(), s.threads(),
        s.threads() == 1 ? "" : "s", s.repeats());
    err.flush();
    return measure(model.units().size(), runs, fit,
        masks -> ForwardTimer.timeExported(model, masks, s.threads(), s.size(), s.repeats()));
  }

  /**
   * Times the runs' channel masks on {@code model}'s cut networks ({@code SlimResNet}) on batches of
   * {@code s.batch()} images, beside the unpruned network, which is the first row returned.
   */
  public static List<Row> measure(Classifier model, List<Run> runs, Setting s, PrintWriter err, MaskCost fit) {
    if (!s.classifier() || s.size() != model.spec().size()) {
      throw new IllegalArgumentException("A classifier is timed on batches of its own " + model.spec().size() + "² images");
    }
    err.printf(Locale.ROOT, "timing the cut networks (%s, %d thread%s, %d rounds)...%n", s.input(), s.threads(),
        s.threads() == 1 ? "" : "s", s.repeats());
    err.flush();
    return measure(model.channelUnits(), runs, fit,
        masks -> ForwardTimer.timeCut(model, masks, s.threads(), s.batch(), s.repeats()));
  }

  private static List<Row> measure(int n, List<Run> runs, MaskCost fit, Function<List<Mask>, List<double[]>> timer) {
    List<Run> timed = new ArrayList<>();
    double unprunedMetric = runs.stream().filter(r -> r.method().equals("unpruned")).mapToDouble(Run::metric)
        .findFirst().orElse(Double.NaN);
    timed.add(new Run("unpruned", 0, 0, 1, unprunedMetric, Mask.all(n)));
    for (Run r : runs) {
      if (r.mask().size() != n) {
        throw new InvalidInputException("Run " + r.method() + " seed " + r.seed() + " has a mask of "
            + r.mask().size() + " units; the model has " + n);
      }
      if (!r.method().equals("unpruned") && r.mask().kept() > 0) {
        timed.add(r);
      }
    }
    List<double[]> ms = timer.apply(timed.stream().map(Run::mask).toList());
    double ref = ForwardTimer.quartiles(ms.get(0))[1];
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < timed.size(); i++) {
      Run r = timed.get(i);
      double[] t = ms.get(i);
      double[] q = ForwardTimer.quartiles(t);
      double predicted = fit == null ? Double.NaN : fit.value(r.mask()) / fit.total();
      out.add(new Row(r.method(), r.level(), r.seed(), r.mask().kept(), r.flopsFraction(), r.metric(), q[1], q[0],
          q[2], ForwardTimer.min(t), q[1] / ref, predicted));
    }
    return out;
  }

  /** Per (method, level): mean ± std over seeds of the latency ratio, with the mean PSNR, as markdown. */
  public static String markdown(List<Row> rows, Setting s) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows.subList(1, rows.size())) {
      groups.computeIfAbsent(String.format(Locale.ROOT, "%.2f|%s", r.level(), r.method()), k -> new ArrayList<>()).add(r);
    }
    Row u = rows.get(0);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Measured latency of the %s networks (%s, %d"
        + " thread%s, median of %d interleaved runs each); unpruned (every unit, %s the same way): %.2f ms"
        + " (q1 %.2f, q3 %.2f, min %.2f).%n%n", s.classifier() ? "cut" : "exported", s.input(), s.threads(),
        s.threads() == 1 ? "" : "s", s.repeats(), s.classifier() ? "cut" : "exported",
        u.medianMs(), u.q1Ms(), u.q3Ms(), u.minMs()));
    boolean fitted = !Double.isNaN(u.predicted());
    b.append("| level | method | runs | FLOPs | " + s.metric() + " | median ms | latency / unpruned |"
        + (fitted ? " predicted by the fit |" : "") + "\n");
    b.append("|---|---|---|---|---|---|---|" + (fitted ? "---|" : "") + "\n");
    groups.forEach((k, g) -> {
      SummaryStatistics ratio = new SummaryStatistics();
      SummaryStatistics ms = new SummaryStatistics();
      SummaryStatistics psnr = new SummaryStatistics();
      SummaryStatistics flops = new SummaryStatistics();
      SummaryStatistics predicted = new SummaryStatistics();
      g.forEach(r -> {
        predicted.addValue(r.predicted());
        ratio.addValue(r.ratio());
        ms.addValue(r.medianMs());
        psnr.addValue(s.shown(r.metric()));
        flops.addValue(r.flopsFraction());
      });
      b.append(String.format(Locale.ROOT, "| %.2f | %s | %d | %.1f %% | %.3f | %.2f | %.3f ± %.3f |%s%n", g.get(0).level(),
          g.get(0).method(), g.size(), 100 * flops.getMean(), psnr.getMean(), ms.getMean(), ratio.getMean(),
          g.size() > 1 ? ratio.getStandardDeviation() : 0,
          fitted ? String.format(Locale.ROOT, " %.3f |", predicted.getMean()) : ""));
    });
    return b.toString();
  }

  /** The file stem of a setting's outputs: {@code latency-256-1t}. */
  public static String stem(Setting s) {
    return "latency-" + (s.classifier() ? "b" + s.batch() : Integer.toString(s.size())) + "-" + s.threads() + "t";
  }

  /** {@link #write}s the rows into {@code dir} and prints their table and the files written to {@code pw}. */
  public static void report(Path dir, List<Row> rows, Setting s, PrintWriter pw) {
    write(dir, rows, s);
    pw.print(markdown(rows, s));
    pw.printf(Locale.ROOT, "wrote %s/%s.csv, .md, %s.png/.svg%n%n", dir, stem(s), plotStem(s));
    pw.flush();
  }

  /** Writes {@code <stem>.csv}, {@code <stem>.md} and {@code psnr-vs-<stem>.png/.svg} into {@code dir}. */
  public static void write(Path dir, List<Row> rows, Setting s) {
    StringBuilder csv = new StringBuilder("method,level,seed,kept_units,flops_fraction,"
        + (s.classifier() ? "test_accuracy" : "test_psnr") + ",median_ms,q1_ms,"
        + "q3_ms,min_ms,ratio_to_unpruned,predicted_ratio,size,threads,repeats,batch\n");
    for (Row r : rows) {
      csv.append(String.format(Locale.ROOT, "%s,%.4g,%d,%d,%.6g,%.6g,%.4f,%.4f,%.4f,%.4f,%.5f,%s,%d,%d,%d,%d%n", io.qprune.api.io.Csv.cell(r.method()),
          r.level(), r.seed(), r.kept(), r.flopsFraction(), r.metric(), r.medianMs(), r.q1Ms(), r.q3Ms(), r.minMs(),
          r.ratio(), Double.isNaN(r.predicted()) ? "" : String.format(Locale.ROOT, "%.5f", r.predicted()), s.size(),
          s.threads(), s.repeats(), s.batch()));
    }
    AtomicFiles.writeString(dir.resolve(stem(s) + ".csv"), csv.toString());
    AtomicFiles.writeString(dir.resolve(stem(s) + ".md"), markdown(rows, s));
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title(String.format(Locale.ROOT, "%s vs measured latency (%s, %d thread%s)", s.classifier() ? "Test accuracy"
            : "Test PSNR", s.input(), s.threads(), s.threads() == 1 ? "" : "s"))
        .xAxisTitle("latency / unpruned (ratio of medians)").yAxisTitle(s.metric()).build();
    chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setMarkerSize(9);
    Map<String, List<Row>> byMethod = new LinkedHashMap<>();
    for (Row r : rows.subList(1, rows.size())) {
      byMethod.computeIfAbsent(String.format(Locale.ROOT, "%s @ %.0f%%", r.method(), 100 * r.level()),
          k -> new ArrayList<>()).add(r);
    }
    byMethod.forEach((name, g) -> chart.addSeries(name, g.stream().mapToDouble(Row::ratio).toArray(),
        g.stream().mapToDouble(r -> s.shown(r.metric())).toArray()));
    Row u = rows.get(0);
    chart.addSeries("unpruned", new double[] {1}, new double[] {s.shown(u.metric())}).setMarker(SeriesMarkers.DIAMOND);
    ChartFiles.save(chart, dir.toAbsolutePath(), plotStem(s));
  }

  /** The file stem of a setting's plot: {@code psnr-vs-latency-256-1t}, {@code accuracy-vs-latency-b64-1t}. */
  public static String plotStem(Setting s) {
    return (s.classifier() ? "accuracy-vs-" : "psnr-vs-") + stem(s);
  }
}
