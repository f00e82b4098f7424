package io.qprune.bench.report;

import io.qprune.bench.solvers.BenchRow;
import io.qprune.bench.solvers.SummaryTable;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Time-to-target on one instance at the plan's largest time limit: per solver, the share of runs
 * that had reached the reference value by time t (a step curve from their times to best). Runs
 * that never reached it are right-censored at the time limit: the curve stops below 1 and a cross
 * marks the limit.
 */
final class TimeToTargetPlot {
  private TimeToTargetPlot() {}

  static XYChart chart(String instance, List<BenchRow> rows, List<String> labels, Gaps gaps, double limit) {
    XYChart c = new XYChartBuilder().width(720).height(460)
        .title(instance + ": time to " + (gaps.isBestKnown(instance) ? "best known" : "best found")
            + " (limit " + SummaryTable.fmt(limit, 3) + " s)")
        .xAxisTitle("time (s)").yAxisTitle("share of runs that reached it").build();
    ChartFiles.style(c.getStyler());
    c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(limit);
    c.getStyler().setYAxisDecimalPattern("0.##").setXAxisDecimalPattern("0.###");
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      List<BenchRow> runs = rows.stream().filter(r -> r.label().equals(label)).toList();
      if (runs.isEmpty()) {
        continue;
      }
      double[] hits = runs.stream().filter(gaps::reached).mapToDouble(BenchRow::timeToBestSeconds)
          .filter(t -> !Double.isNaN(t)).sorted().toArray();
      long unknown = runs.stream().filter(gaps::reached).filter(r -> Double.isNaN(r.timeToBestSeconds())).count();
      int n = runs.size();
      long censored = n - hits.length - unknown;
      List<Double> x = new ArrayList<>(List.of(0.0));
      List<Double> y = new ArrayList<>(List.of(0.0));
      for (int k = 0; k < hits.length; k++) {
        x.add(hits[k]);
        y.add((double) k / n);
        x.add(hits[k]);
        y.add((double) (k + 1) / n);
      }
      x.add(limit);
      y.add((double) hits.length / n);
      String name = label + ": " + (hits.length + unknown) + "/" + n + " reached"
          + (censored > 0 ? ", " + censored + " censored" : "") + (unknown > 0 ? ", " + unknown + " without timing" : "");
      XYSeries s = c.addSeries(name, x, y);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(ChartFiles.color(i));
      if (censored > 0) {
        XYSeries cut = c.addSeries(label + " censored", new double[] {limit}, new double[] {(double) hits.length / n});
        cut.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        cut.setMarker(SeriesMarkers.CROSS);
        cut.setMarkerColor(ChartFiles.color(i));
        cut.setShowInLegend(false);
      }
    }
    return c;
  }
}
