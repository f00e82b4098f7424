package io.qprune.bench.solvers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The summary: one line per instance, solver label and time limit with the best and median
 * objective over the repeats, the best-known value, how many repeats reached it, the gap of the
 * best run, the median time to best, the median service time (remote solvers) and search rate.
 */
public final class SummaryTable {
  private SummaryTable() {}

  /** The summary as plain text. */
  public static String render(List<BenchRow> rows) {
    return TextTable.format(lines(rows), List.of(0, 2));
  }

  /** The header and one line of cells per instance, label and time limit. */
  public static List<String[]> lines(List<BenchRow> rows) {
    Map<String, List<BenchRow>> groups = new LinkedHashMap<>();
    for (BenchRow r : rows) {
      groups.computeIfAbsent(r.instance() + "\u0000" + r.label() + "\u0000" + r.timeLimitSeconds(),
          k -> new ArrayList<>()).add(r);
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"instance", "n", "solver", "limit s", "best", "median", "best known", "hit",
        "gap %", "ttb med s", "TTS99 s", "service med s", "rate med"});
    for (List<BenchRow> g : groups.values()) {
      BenchRow first = g.get(0);
      List<Double> obj = new ArrayList<>();
      List<Double> ttb = new ArrayList<>();
      List<Double> service = new ArrayList<>();
      List<Double> rate = new ArrayList<>();
      List<Double> wall = new ArrayList<>();
      int hits = 0;
      for (BenchRow r : g) {
        obj.add(r.objective());
        ttb.add(r.timeToBestSeconds());
        service.add(r.serviceSeconds());
        rate.add(r.rate());
        wall.add(r.totalSeconds());
        hits += r.reachedBestKnown() ? 1 : 0;
      }
      double best = first.maximise() ? obj.stream().mapToDouble(d -> d).max().orElse(Double.NaN)
          : obj.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
      Double known = first.bestKnown();
      String gap = known == null || known == 0 ? "" : fmt(100.0 * (first.maximise() ? known - best : best - known)
          / Math.abs(known), 3);
      lines.add(new String[] {first.instance(), Integer.toString(first.variables()), first.label(),
          fmt(first.timeLimitSeconds(), 2), value(best), value(median(obj)), known == null ? "" : value(known),
          known == null ? "" : hits + "/" + g.size(), gap, fmt(median(ttb), 3),
          known == null ? "" : Tts.text(median(wall), hits, g.size()),
          service.stream().allMatch(Objects::isNull) ? "" : fmt(median(service), 3),
          rate.stream().allMatch(d -> Double.isNaN(d)) ? "" : sci(median(rate)) + " " + first.rateUnit()});
    }
    return lines;
  }

  /** The median of the numbers that are there (NaN when none). */
  public static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.removeIf(d -> d == null || Double.isNaN(d));
    if (s.isEmpty()) {
      return Double.NaN;
    }
    s.sort(Double::compare);
    int k = s.size();
    return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
  }

  /** A number with at most {@code decimals} decimals; whole numbers without any, NaN as blank. */
  public static String fmt(double d, int decimals) {
    if (Double.isNaN(d)) {
      return "";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", d);
  }

  /** An objective: whole numbers as they are, others with six significant digits (pruning QUBOs are small). */
  static String value(double d) {
    return Double.isNaN(d) || d == Math.rint(d) ? fmt(d, 0) : String.format(Locale.ROOT, "%.6g", d);
  }

  private static String sci(double d) {
    return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.3g", d);
  }
}
