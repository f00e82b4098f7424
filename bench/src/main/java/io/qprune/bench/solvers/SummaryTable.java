package io.qprune.bench.solvers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed summary: one line per instance and solver with the best and median objective over
 * the repeats, the best-known value, how many repeats reached it, the median time to best and
 * the median search rate.
 */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(List<BenchRow> rows) {
    Map<String, List<BenchRow>> groups = new LinkedHashMap<>();
    for (BenchRow r : rows) {
      groups.computeIfAbsent(r.instance() + "\u0000" + r.solver(), k -> new ArrayList<>()).add(r);
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"instance", "n", "solver", "best", "median", "best known", "hit",
        "gap %", "ttb med s", "rate med"});
    for (List<BenchRow> g : groups.values()) {
      BenchRow first = g.get(0);
      List<Double> obj = new ArrayList<>();
      List<Double> ttb = new ArrayList<>();
      List<Double> rate = new ArrayList<>();
      int hits = 0;
      for (BenchRow r : g) {
        obj.add(r.objective());
        ttb.add(r.timeToBestSeconds());
        rate.add(r.rate());
        hits += r.reachedBestKnown() ? 1 : 0;
      }
      double best = first.maximise() ? obj.stream().mapToDouble(d -> d).max().orElse(Double.NaN)
          : obj.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
      Double known = first.bestKnown();
      String gap = known == null || known == 0 ? "" : fmt(100.0 * (first.maximise() ? known - best : best - known)
          / Math.abs(known), 3);
      lines.add(new String[] {first.instance(), Integer.toString(first.variables()), first.solver(),
          fmt(best, 0), fmt(median(obj), 1), known == null ? "" : fmt(known, 0),
          known == null ? "" : hits + "/" + g.size(), gap, fmt(median(ttb), 3),
          rate.stream().allMatch(d -> Double.isNaN(d)) ? "" : sci(median(rate)) + " " + first.rateUnit()});
    }
    return format(lines);
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.removeIf(d -> d == null || Double.isNaN(d));
    if (s.isEmpty()) {
      return Double.NaN;
    }
    s.sort(Double::compare);
    int k = s.size();
    return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
  }

  private static String fmt(double d, int decimals) {
    if (Double.isNaN(d)) {
      return "";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", d);
  }

  private static String sci(double d) {
    return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.3g", d);
  }

  private static String format(List<String[]> lines) {
    int cols = lines.get(0).length;
    int[] width = new int[cols];
    for (String[] l : lines) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], l[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      String[] l = lines.get(k);
      for (int c = 0; c < cols; c++) {
        boolean left = c == 0 || c == 2;
        String cell = left ? pad(l[c], width[c], true) : pad(l[c], width[c], false);
        sb.append(c == 0 ? "" : "  ").append(cell);
      }
      sb.append('\n');
      if (k == 0) {
        for (int c = 0; c < cols; c++) {
          sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String pad(String s, int w, boolean left) {
    String fill = " ".repeat(w - s.length());
    return left ? s + fill : fill + s;
  }
}
