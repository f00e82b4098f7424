package io.qprune.bench.evolve;

import io.qprune.bench.report.ChartFiles;
import io.qprune.formulation.evolve.EvolveResult;
import io.qprune.formulation.evolve.FrontMember;
import io.qprune.formulation.evolve.WeightTask;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The fronts of an evolve run as {@code front.png} / {@code front.svg}: the Phase-1 front and the
 * final front on validation (fraction kept vs metric), the final front on test, and the unpruned
 * network's test metric as a dashed line.
 */
public final class FrontPlot {
  private FrontPlot() {}

  /** Points from elsewhere to draw beside the fronts (e.g. the QUBO method's masks): x, y, label. */
  public record Beside(String name, double[] x, double[] y) {}

  public static void write(EvolveResult r, WeightTask task, Path dir) {
    write(r, task, dir, List.of());
  }

  public static void write(EvolveResult r, WeightTask task, Path dir, List<Beside> beside) {
    XYChart chart = new XYChartBuilder().width(860).height(640)
        .title("Pareto fronts: " + r.task()).xAxisTitle("fraction of prunable weights kept")
        .yAxisTitle(task.metricName()).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    add(chart, String.format(java.util.Locale.ROOT, "phase 1 (validation, HV %.4f)", r.hypervolumePhase1()),
        r.phase1(), task, false, SeriesMarkers.DIAMOND);
    add(chart, String.format(java.util.Locale.ROOT, "final (validation, HV %.4f)", r.hypervolumeFinal()),
        r.front(), task, false, SeriesMarkers.CIRCLE);
    add(chart, "final (test)", r.front(), task, true, SeriesMarkers.SQUARE);
    org.knowm.xchart.style.markers.Marker[] marks = {SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN,
        SeriesMarkers.CROSS, SeriesMarkers.PLUS};
    for (int i = 0; i < beside.size(); i++) {
      Beside b = beside.get(i);
      XYSeries sr = chart.addSeries(b.name(), b.x(), b.y());
      sr.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      sr.setMarker(marks[i % marks.length]);
    }
    double u = task.metric(r.unprunedTestError());
    XYSeries ref = chart.addSeries("unpruned (test)", new double[] {0, 1}, new double[] {u, u});
    ref.setMarker(SeriesMarkers.NONE);
    ref.setLineStyle(SeriesLines.DASH_DASH);
    ChartFiles.save(chart, dir, "front");
  }

  private static void add(XYChart chart, String name, List<FrontMember> members, WeightTask task, boolean test,
      org.knowm.xchart.style.markers.Marker marker) {
    List<FrontMember> sorted = members.stream()
        .sorted(java.util.Comparator.comparingDouble(FrontMember::keptFraction)).toList();
    double[] x = sorted.stream().mapToDouble(FrontMember::keptFraction).toArray();
    double[] y = sorted.stream().mapToDouble(m -> task.metric(test ? m.testError() : m.valError())).toArray();
    if (x.length == 0) {
      return;
    }
    chart.addSeries(name, x, y).setMarker(marker);
  }
}
