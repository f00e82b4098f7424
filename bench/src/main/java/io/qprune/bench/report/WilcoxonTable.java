package io.qprune.bench.report;

import io.qprune.bench.solvers.SummaryTable;
import io.qprune.bench.solvers.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The paired comparisons as table rows: one line per pair of solvers and time limit. */
public final class WilcoxonTable {
  private WilcoxonTable() {}

  /** As plain text. */
  public static String render(List<PairedComparison> comparisons) {
    return TextTable.format(lines(comparisons), List.of(1, 2, 10, 12));
  }

  /** The header and one line per comparison. */
  public static List<String[]> lines(List<PairedComparison> comparisons) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"limit s", "A", "B", "pairs", "n (d≠0)", "W", "W+", "W−", "p", "", "method",
        "rank-biserial r", "median d (pp)", "verdict"});
    for (PairedComparison c : comparisons) {
      WilcoxonResult r = c.result();
      lines.add(new String[] {SummaryTable.fmt(c.timeLimitSeconds(), 3), c.a(), c.b(), Integer.toString(r.pairs()),
          Integer.toString(r.n()), SummaryTable.fmt(r.w(), 1), SummaryTable.fmt(r.wPlus(), 1),
          SummaryTable.fmt(r.wMinus(), 1), String.format(Locale.ROOT, "%.4g", r.p()),
          r.p() < WilcoxonResult.ALPHA ? "*" : "", r.method(), String.format(Locale.ROOT, "%+.3f", r.rankBiserial()),
          String.format(Locale.ROOT, "%+.4g", r.medianDifference()), c.verdict()});
    }
    return lines;
  }
}
