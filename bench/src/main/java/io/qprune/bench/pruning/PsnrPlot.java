package io.qprune.bench.pruning;

import io.qprune.bench.report.ChartFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws test PSNR (mean, with ± std error bars) against sparsity, one line per method, as PNG and SVG. */
public final class PsnrPlot {
  /** One method's points: sparsities, mean PSNR and its spread (error bars). */
  public record Series(String name, double[] x, double[] y, double[] err) {}

  private PsnrPlot() {}

  /** Plots summary rows (one series per method); see {@link #plot}. */
  public static void write(List<SummaryRow> rows, double unpruned, String title, Path png) {
    write(rows, unpruned, title, "filter sparsity (fraction of units pruned)", png);
  }

  /** The same with another x axis title (the rows' sparsity column holding, e.g., FLOPs budget levels). */
  public static void write(List<SummaryRow> rows, double unpruned, String title, String xTitle, Path png) {
    Map<String, List<SummaryRow>> byMethod = new LinkedHashMap<>();
    for (SummaryRow r : rows) {
      byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
    }
    List<Series> series = new ArrayList<>();
    byMethod.forEach((m, s) -> series.add(new Series(m, s.stream().mapToDouble(SummaryRow::sparsity).toArray(),
        s.stream().mapToDouble(SummaryRow::psnrMean).toArray(),
        s.stream().mapToDouble(SummaryRow::psnrStd).toArray())));
    plot(series, unpruned, title, xTitle, png);
  }

  /**
   * Writes the plot to {@code png} and to the same name with {@code .svg} (atomically);
   * {@code unpruned} (unless NaN) draws a dashed reference line.
   */
  public static void plot(List<Series> series, double unpruned, String title, Path png) {
    plot(series, unpruned, title, "filter sparsity (fraction of units pruned)", "test PSNR (dB)", png);
  }

  /** The same with another x axis (e.g. the fraction of the unpruned FLOPs kept). */
  public static void plot(List<Series> series, double unpruned, String title, String xTitle, Path png) {
    plot(series, unpruned, title, xTitle, "test PSNR (dB)", png);
  }

  /** {@link #plot(List, double, String, Path)} with other axis titles (e.g. accuracy against FLOPs kept). */
  public static void plot(List<Series> series, double unpruned, String title, String xTitle, String yTitle,
      Path png) {
    XYChart chart = new XYChartBuilder().width(series.size() > 4 ? 1040 : 800).height(540).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    // one legend row fits about four series; more go in a column beside the plot
    boolean column = series.size() > 4;
    chart.getStyler().setLegendPosition(column ? org.knowm.xchart.style.Styler.LegendPosition.OutsideE
        : org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(column ? org.knowm.xchart.style.Styler.LegendLayout.Vertical
        : org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (Series s : series) {
      chart.addSeries(s.name(), s.x(), s.y(), s.err()).setMarker(SeriesMarkers.CIRCLE);
      for (double x : s.x()) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (!Double.isNaN(unpruned) && !series.isEmpty()) {
      XYSeries ref = chart.addSeries("unpruned", new double[] {lo, hi}, new double[] {unpruned, unpruned});
      ref.setMarker(SeriesMarkers.NONE);
      ref.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
    }
    Path abs = png.toAbsolutePath();
    ChartFiles.save(chart, abs.getParent(), abs.getFileName().toString().replaceFirst("\\.png$", ""));
  }
}
