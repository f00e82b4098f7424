package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shortened demo on the shipped model: one sparsity, a tiny refinement budget. */
class DemoCommandTest {
  @Test
  void printsTheComparisonAndWritesTheHtmlReport(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo");
    CliRun r = CliRun.main("demo", "--sparsities", "0.36", "--refine-budget", "12", "--threads", "1",
        "--photos", "2", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("unpruned", "greedy Taylor", "hybrid QUBO", "hybrid QUBO + TT", "report:");
    String html = Files.readString(out.resolve("index.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>", "psnr-vs-sparsity.png",
        "crops/noisy.png", "hybrid QUBO + TT", "only the 2 smallest");
    for (String f : new String[] {"psnr-vs-sparsity.png", "crops/noisy.png", "crops/clean.png",
        "crops/unpruned.png", "crops/hybrid-qubo-tt.png"}) {
      assertThat(ImageIO.read(out.resolve(f).toFile())).as(f).isNotNull();
    }
    assertThat(Files.readString(out.resolve("psnr-vs-sparsity.svg"))).contains("<svg");
    JsonNode demo = new ObjectMapper().readTree(Files.readString(out.resolve("demo.json")));
    JsonNode rows = demo.get("rows");
    assertThat(rows).hasSize(4);
    double unpruned = rows.get(0).get("test_psnr").asDouble();
    assertThat(unpruned).isGreaterThan(27);
    for (int i = 1; i < 4; i++) {
      assertThat(rows.get(i).get("kept").asInt()).isEqualTo(123);
      assertThat(rows.get(i).get("test_psnr").asDouble()).isLessThan(unpruned).isGreaterThan(15);
    }
    assertThat(demo.at("/refined/evaluations").asInt()).isBetween(1, 12);
  }
}
