package io.qprune.bench.pruning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import io.qprune.api.QpruneException;

/** Draws test PSNR (mean, with ± std error bars) against sparsity, one line per method, as PNG. */
public final class PsnrPlot {
  private PsnrPlot() {}

  /** Writes the plot to {@code png} (atomically); {@code unpruned} draws a dashed reference. */
  public static void write(List<SummaryRow> rows, double unpruned, String title, Path png) {
    XYChart chart = new XYChartBuilder().width(800).height(540).title(title)
        .xAxisTitle("filter sparsity (fraction of units pruned)").yAxisTitle("test PSNR (dB)").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    Map<String, List<SummaryRow>> byMethod = new LinkedHashMap<>();
    for (SummaryRow r : rows) {
      byMethod.computeIfAbsent(r.method(), k -> new java.util.ArrayList<>()).add(r);
    }
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (Map.Entry<String, List<SummaryRow>> e : byMethod.entrySet()) {
      List<SummaryRow> s = e.getValue();
      double[] x = s.stream().mapToDouble(SummaryRow::sparsity).toArray();
      double[] y = s.stream().mapToDouble(SummaryRow::psnrMean).toArray();
      double[] err = s.stream().mapToDouble(SummaryRow::psnrStd).toArray();
      chart.addSeries(e.getKey(), x, y, err).setMarker(SeriesMarkers.CIRCLE);
      lo = Math.min(lo, x[0]);
      hi = Math.max(hi, x[x.length - 1]);
    }
    if (!Double.isNaN(unpruned) && !byMethod.isEmpty()) {
      XYSeries ref = chart.addSeries("unpruned", new double[] {lo, hi}, new double[] {unpruned, unpruned});
      ref.setMarker(SeriesMarkers.NONE);
      ref.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
    }
    try {
      Path abs = png.toAbsolutePath();
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), ".plot", ".png");
      BitmapEncoder.saveBitmap(chart, tmp.toString().replaceFirst("\\.png$", ""),
          BitmapEncoder.BitmapFormat.PNG);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QpruneException("Cannot write the plot " + png + ": " + e.getMessage(), e);
    }
  }
}
