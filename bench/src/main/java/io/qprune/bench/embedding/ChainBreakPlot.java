package io.qprune.bench.embedding;

import io.qprune.bench.report.ChartFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** chain-breaks.png/.svg: the whole network's chain-break fraction against the chain-strength scale, per graph and method. */
final class ChainBreakPlot {
  private ChainBreakPlot() {}

  /** Writes the plot into {@code dir}; false when no whole-network row was embedded. */
  static boolean write(Path dir, List<EmbeddingRow> rows) {
    XYChart chart = new XYChartBuilder().width(800).height(540)
        .title("Chain breaks of the whole-network pruning QUBO (sa on the physical problem)")
        .xAxisTitle("chain strength / uniform torque compensation").yAxisTitle("chain-break fraction (mean over samples)")
        .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    chart.getStyler().setXAxisLogarithmic(true);
    boolean any = false;
    for (EmbeddingRow r : rows) {
      if (!r.c().scope().equals("network") || !r.ok() || r.breaks().isEmpty()) {
        continue;
      }
      double[] x = r.breaks().stream().mapToDouble(EmbeddingRow.Breaks::scale).toArray();
      double[] y = r.breaks().stream().mapToDouble(EmbeddingRow.Breaks::fractionMean).toArray();
      Integer[] order = new Integer[x.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
      chart.addSeries(r.graph() + " " + r.method() + (r.used().equals(r.method()) ? "" : " (" + r.used() + ")"),
          Arrays.stream(order).mapToDouble(i -> x[i]).toArray(), Arrays.stream(order).mapToDouble(i -> y[i]).toArray())
          .setMarker(SeriesMarkers.CIRCLE);
      any = true;
    }
    if (any) {
      ChartFiles.save(chart, dir, "chain-breaks");
    }
    return any;
  }
}
