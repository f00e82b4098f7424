package io.qprune.bench.solvers;

import io.qprune.api.io.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qprune.api.QpruneException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code results.csv} and {@code results.json} (the run's metadata and plan, then one
 * entry per run); each file appears complete or not at all.
 */
public final class ResultFiles {
  static final String HEADER = "instance,variables,solver,repeat,seed,objective,best_known,gap,"
      + "gap_percent,reached_best_known,time_to_best_s,total_s,rate,rate_unit,label,time_limit_s,service_seconds";

  private ResultFiles() {}

  /** Writes both files into {@code dir}, creating it if needed. */
  public static void write(Path dir, List<BenchRow> rows, Map<String, Object> run) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new QpruneException("Cannot create output folder " + dir + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(dir.resolve("results.csv"), csv(rows));
    AtomicFiles.writeString(dir.resolve("results.json"), json(rows, run));
  }

  static String csv(List<BenchRow> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (BenchRow r : rows) {
      sb.append(String.join(",", quote(r.instance()), Integer.toString(r.variables()), quote(r.solver()),
          Integer.toString(r.repeat()), Long.toString(r.seed()), num(r.objective()), num(r.bestKnown()),
          num(r.gap()), num(r.gapPercent()), Boolean.toString(r.reachedBestKnown()),
          num(r.timeToBestSeconds()), num(r.totalSeconds()), num(r.rate()), r.rateUnit(), quote(r.label()),
          num(r.timeLimitSeconds()), num(r.serviceSeconds()))).append('\n');
    }
    return sb.toString();
  }

  static String json(List<BenchRow> rows, Map<String, Object> run) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (BenchRow r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("instance", r.instance());
      m.put("variables", r.variables());
      m.put("solver", r.solver());
      m.put("label", r.label());
      m.put("repeat", r.repeat());
      m.put("seed", r.seed());
      m.put("time_limit_s", r.timeLimitSeconds());
      m.put("objective", r.objective());
      m.put("maximise", r.maximise());
      m.put("best_known", r.bestKnown());
      m.put("gap", r.gap());
      m.put("gap_percent", r.gapPercent());
      m.put("reached_best_known", r.reachedBestKnown());
      m.put("time_to_best_s", finite(r.timeToBestSeconds()));
      m.put("total_s", r.totalSeconds());
      m.put("service_seconds", r.serviceSeconds());
      m.put("rate", finite(r.rate()));
      m.put("rate_unit", r.rateUnit());
      list.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>(run);
    doc.put("results", list);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
    } catch (IOException e) {
      throw new QpruneException("Cannot serialise the results: " + e.getMessage(), e);
    }
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  private static String num(Double d) {
    if (d == null || !Double.isFinite(d)) {
      return "";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.format(Locale.ROOT, "%.6g", d);
  }

  private static String quote(String s) {
    return io.qprune.api.io.Csv.cell(s);
  }
}
