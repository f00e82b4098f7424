package io.qprune.bench.report;

import io.qprune.bench.solvers.BenchRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Wilcoxon signed-rank comparison of two solver labels at one time limit, paired over the
 * (instance, seed) pairs both ran, on the gap in percent ({@link Gaps}).
 */
public record PairedComparison(double timeLimitSeconds, String a, String b, WilcoxonResult result) {

  /** Every pair of labels (in plan order) at every time limit. */
  public static List<PairedComparison> all(List<BenchRow> rows) {
    Gaps gaps = new Gaps(rows);
    Set<String> labels = new LinkedHashSet<>();
    Set<Double> limits = new TreeSet<>();
    Map<String, BenchRow> byKey = new LinkedHashMap<>();
    for (BenchRow r : rows) {
      labels.add(r.label());
      limits.add(r.timeLimitSeconds());
      byKey.put(key(r.label(), r.timeLimitSeconds(), r.instance(), r.seed()), r);
    }
    List<String> order = List.copyOf(labels);
    List<PairedComparison> out = new ArrayList<>();
    for (double limit : limits) {
      for (int i = 0; i < order.size(); i++) {
        for (int j = i + 1; j < order.size(); j++) {
          List<Double> d = new ArrayList<>();
          for (BenchRow ra : rows) {
            if (ra.label().equals(order.get(i)) && ra.timeLimitSeconds() == limit) {
              BenchRow rb = byKey.get(key(order.get(j), limit, ra.instance(), ra.seed()));
              if (rb != null) {
                d.add(gaps.percent(rb) - gaps.percent(ra));
              }
            }
          }
          if (!d.isEmpty()) {
            out.add(new PairedComparison(limit, order.get(i), order.get(j),
                Wilcoxon.test(d.stream().mapToDouble(x -> x).toArray())));
          }
        }
      }
    }
    return out;
  }

  private static String key(String label, double limit, String instance, long seed) {
    return label + "\u0000" + limit + "\u0000" + instance + "\u0000" + seed;
  }

  /** The verdict in words. */
  public String verdict() {
    return result.verdict(a, b);
  }
}
