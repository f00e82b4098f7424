package io.qprune.bench.report;

import io.qprune.bench.solvers.BenchRow;
import io.qprune.bench.solvers.SummaryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar chart of the share of runs that reached the reference value, per solver, one bar per time limit. */
final class SuccessPlot {
  private SuccessPlot() {}

  static CategoryChart chart(List<BenchRow> rows, List<String> labels, Gaps gaps) {
    CategoryChart c = new CategoryChartBuilder().width(720).height(460)
        .title("Success rate: runs reaching the best-known value").xAxisTitle("solver")
        .yAxisTitle("runs reaching it (%)").build();
    ChartFiles.style(c.getStyler());
    c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
    c.getStyler().setSeriesColors(ChartFiles.PALETTE);
    for (double limit : new TreeSet<>(rows.stream().map(BenchRow::timeLimitSeconds).toList())) {
      List<Double> rate = new ArrayList<>();
      for (String label : labels) {
        List<BenchRow> mine = rows.stream().filter(r -> r.label().equals(label) && r.timeLimitSeconds() == limit)
            .toList();
        rate.add(mine.isEmpty() ? 0.0 : 100.0 * mine.stream().filter(gaps::reached).count() / mine.size());
      }
      c.addSeries("limit " + SummaryTable.fmt(limit, 3) + " s", labels, rate);
    }
    return c;
  }
}
