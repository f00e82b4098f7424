package io.qprune.bench.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.formulation.model.Mask;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruningReportTest {
  static RunRow row(String method, double sp, long seed, double psnr) {
    return new RunRow(method, sp, seed, 0, 0, 3, 4, 0.5, 0.5, psnr, psnr, 0.5, 1, 1, 1, true, true,
        Mask.ofBits(1, 1, 1, 0));
  }

  static List<RunRow> rows() {
    List<RunRow> rows = new ArrayList<>();
    double[] a = {26.1, 26.4, 26.2, 25.0, 25.3, 25.1};
    double[] b = {24.0, 24.9, 23.1, 22.0, 22.5, 21.7};
    for (int i = 0; i < 6; i++) {
      double sp = i < 3 ? 0.2 : 0.5;
      rows.add(row("hybrid", sp, 1 + i % 3, a[i]));
      rows.add(row("taylor", sp, 1 + i % 3, b[i]));
    }
    return rows;
  }

  @Test
  void pairsMethodsOverSparsityAndSeedCells() {
    List<PruningReport.Comparison> c = PruningReport.compare(rows());
    assertThat(c).hasSize(1);
    var r = c.get(0).result();
    // six positive differences: W+ = 21, W− = 0, exact two-sided p = 2/64
    assertThat(r.pairs()).isEqualTo(6);
    assertThat(r.n()).isEqualTo(6);
    assertThat(r.wPlus()).isEqualTo(21);
    assertThat(r.p()).isCloseTo(2.0 / 64, within(1e-12));
    assertThat(r.verdict("hybrid", "taylor")).isEqualTo("hybrid better than taylor");
  }

  @Test
  void theReportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
    List<RunRow> rows = rows();
    List<SummaryRow> summary = PruningTable.summarise(rows);
    PsnrPlot.write(summary, 27.0, "test", dir.resolve("psnr-vs-sparsity.png"));
    PruningReport.write(dir, summary, rows, "synthetic rows", "qprune bench pruning", Map.of("seeds", "1..3"));
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<table>", "hybrid better than taylor", "psnr-vs-sparsity.svg");
    Assumptions.assumeTrue(new File("/usr/bin/chromium").canExecute(), "Debian's chromium is not installed");
    Path shot = dir.resolve("shot.png");
    Process p = new ProcessBuilder("../scripts/screenshot-report.sh", dir.resolve("report.html").toString(),
        shot.toString(), "1000", "1400").inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    BufferedImage img = ImageIO.read(shot.toFile());
    assertThat(img.getWidth()).isEqualTo(1000);
    // the page drew something: the table borders and the plot are not background
    long dark = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        dark += (img.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
      }
    }
    assertThat(dark).isGreaterThan(1000);
  }
}
