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
    assertThat(r.out()).contains("unpruned", "greedy Taylor", "hybrid QUBO", "HALP knapsack", "hybrid QUBO + TT",
        "50 % FLOPs", "sparsity 0.36", "report:");
    assertThat(r.out().indexOf("50 % FLOPs")).as("the equal-FLOPs rows come first").isLessThan(r.out().indexOf("sparsity 0.36"));
    String html = Files.readString(out.resolve("index.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>", "psnr-vs-sparsity.png",
        "crops/noisy.png", "hybrid QUBO + TT", "only the 2 smallest");
    for (String f : new String[] {"psnr-vs-sparsity.png", "psnr-vs-flops.png", "crops/noisy.png", "crops/clean.png",
        "crops/unpruned.png", "crops/hybrid-qubo-tt.png"}) {
      assertThat(ImageIO.read(out.resolve(f).toFile())).as(f).isNotNull();
    }
    assertThat(Files.readString(out.resolve("psnr-vs-sparsity.svg"))).contains("<svg");
    JsonNode demo = new ObjectMapper().readTree(Files.readString(out.resolve("demo.json")));
    JsonNode rows = demo.get("rows");
    assertThat(rows).hasSize(8);
    double unpruned = rows.get(0).get("test_psnr").asDouble();
    assertThat(unpruned).isGreaterThan(27);
    assertThat(rows.get(2).get("method").asText()).isEqualTo("hybrid QUBO + TT");
    for (int i = 1; i < 8; i++) {
      JsonNode row = rows.get(i);
      if (i <= 4) { // hybrid, hybrid + TT, Taylor, knapsack at 50 % of the FLOPs, each within 1 % below the budget
        assertThat(row.get("flops_budget").asDouble()).isEqualTo(0.5);
        assertThat(row.get("flops_fraction").asDouble()).isBetween(0.495, 0.5);
      } else {
        assertThat(row.has("flops_budget")).isFalse();
        assertThat(row.get("kept").asInt()).isEqualTo(123);
      }
      assertThat(row.get("test_psnr").asDouble()).isLessThan(unpruned).isGreaterThan(12);
    }
    assertThat(demo.get("refined")).hasSize(2);
    assertThat(demo.at("/refined/0/where").asText()).isEqualTo("50 % FLOPs");
    assertThat(demo.at("/refined/1/where").asText()).isEqualTo("sparsity 0.36");
    for (JsonNode refined : demo.get("refined")) {
      assertThat(refined.get("evaluations").asInt()).isBetween(1, 12);
    }
    assertThat(html).contains("TT refinement at 50 % FLOPs", "TT refinement at sparsity 0.36");
  }
}
