package io.qprune.bench.report;

import io.qprune.api.QpruneException;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Saves a chart as {@code NAME.png} and {@code NAME.svg}, each written to a temporary file and moved into place. */
public final class ChartFiles {
  /** One colour per solver label, in plan order (Tableau 10), so every plot colours a solver alike. */
  static final Color[] PALETTE = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759),
      new Color(0x76b7b2), new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
      new Color(0x9c755f), new Color(0xbab0ac)};

  private ChartFiles() {}

  static Color color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /** The common look: legend below, white plot area. */
  static void style(Styler s) {
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setChartBackgroundColor(Color.WHITE);
  }

  /** Writes {@code dir/name.png} and {@code dir/name.svg}. */
  public static void save(Chart<?, ?> chart, Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path png = Files.createTempFile(dir, ".plot", ".png");
      BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
      Files.move(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Path svg = Files.createTempFile(dir, ".plot", ".svg");
      VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      Files.move(svg, dir.resolve(name + ".svg"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QpruneException("Cannot write the plot " + dir.resolve(name) + ".png/.svg: " + e.getMessage(), e);
    }
  }

  /** A file-name-safe form of an instance name. */
  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
