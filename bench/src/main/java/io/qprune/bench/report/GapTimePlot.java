package io.qprune.bench.report;

import io.qprune.bench.solvers.BenchRow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Gap against time on one instance, one line per solver: the final gap of independent runs at each
 * time limit of the plan, median over the repeats, with a bar from the best to the worst repeat.
 * Solvers are offset slightly along x so their bars do not overlap.
 */
final class GapTimePlot {
  private GapTimePlot() {}

  static XYChart chart(String instance, List<BenchRow> rows, List<String> labels, Gaps gaps) {
    List<Double> limits = new ArrayList<>(new TreeSet<>(rows.stream().map(BenchRow::timeLimitSeconds).toList()));
    boolean log = limits.get(limits.size() - 1) / limits.get(0) >= 10;
    XYChart c = new XYChartBuilder().width(720).height(460).title(instance + ": gap vs time limit")
        .xAxisTitle("time limit per run (s)" + (log ? ", log scale" : ""))
        .yAxisTitle("gap to " + (gaps.isBestKnown(instance) ? "best known" : "best found") + " (%)").build();
    ChartFiles.style(c.getStyler());
    c.getStyler().setXAxisLogarithmic(log);
    c.getStyler().setErrorBarsColorSeriesColor(true);
    c.getStyler().setXAxisDecimalPattern("0.###").setYAxisDecimalPattern("0.###");
    if (!log) { // a margin around the limits, so that one limit is not stretched over the whole axis
      c.getStyler().setXAxisMin(limits.get(0) * 0.8).setXAxisMax(limits.get(limits.size() - 1) * 1.2);
    }
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      double shift = 1 + 0.03 * (i - (labels.size() - 1) / 2.0);
      List<double[]> points = new ArrayList<>();
      for (double limit : limits) {
        double[] g = rows.stream().filter(r -> r.label().equals(label) && r.timeLimitSeconds() == limit)
            .mapToDouble(gaps::percent).sorted().toArray();
        if (g.length > 0) {
          lo = Math.min(lo, g[0]);
          hi = Math.max(hi, g[g.length - 1]);
          points.add(new double[] {limit * shift, Wilcoxon.median(g), g[0], g[g.length - 1]});
        }
      }
      if (points.isEmpty()) {
        continue;
      }
      double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
      XYSeries med = c.addSeries(label + " (median)", x, points.stream().mapToDouble(p -> p[1]).toArray());
      med.setMarker(SeriesMarkers.CIRCLE);
      med.setLineColor(ChartFiles.color(i));
      med.setMarkerColor(ChartFiles.color(i));
      XYSeries range = c.addSeries(label + " (min–max)", x,
          points.stream().mapToDouble(p -> (p[2] + p[3]) / 2).toArray(),
          points.stream().mapToDouble(p -> (p[3] - p[2]) / 2).toArray());
      range.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      range.setMarker(SeriesMarkers.NONE);
      range.setLineColor(ChartFiles.color(i));
      range.setMarkerColor(ChartFiles.color(i));
      range.setShowInLegend(false);
    }
    c.getStyler().setYAxisMin(lo).setYAxisMax(hi > lo ? hi + 0.05 * (hi - lo) : lo + 1); // 0 % always shown
    return c;
  }
}
