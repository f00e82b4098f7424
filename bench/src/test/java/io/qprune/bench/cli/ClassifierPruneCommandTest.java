package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.Qubo;
import io.qprune.api.io.BqmJson;
import io.qprune.formulation.classify.IdxFixture;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ResNetSpec;
import io.qprune.formulation.model.SlimResNet;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filter pruning of a small ResNet to a FLOPs budget through {@code qprune prune} and {@code qprune
 * bench pruning}: every method's mask costs at most the budget and within 1 % of it, the reported
 * cost is what the cut network really computes, and the outputs are written.
 */
class ClassifierPruneCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void fixture() throws Exception {
    Torch.configure(1);
    data = dir.resolve("fmnist");
    IdxFixture.writeTestSplit(data, 200, 10, 5);
    model = dir.resolve("resnet14.qpm");
    try (Classifier c = Classifier.create(new ResNetSpec(14, 4, 1, 28, 10), 3, new float[] {0.1f},
        new float[] {0.25f})) {
      ClassifierFile.save(c, model);
    }
  }

  private static String[] common(String... extra) {
    return common(model, extra);
  }

  private static String[] common(Path model, String... extra) {
    List<String> a = new java.util.ArrayList<>(List.of("--model", model.toString(), "--data", data.toString(),
        "--threads", "1", "--set", "calibration_images=12", "--set", "calibration_chunk=5", "--param",
        "num_reads=2"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void pruneMeetsTheFlopsBudgetAsTheCutNetworkCountsIt() throws Exception {
    for (String method : new String[] {"hybrid", "halp", "taylor"}) {
      Path out = dir.resolve("prune-" + method);
      CliRun r = CliRun.main(concat(new String[] {"prune"}, common("--flops", "0.5", "--method", method, "--out",
          out.toString())));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("channel units", "test accuracy").containsPattern("FLOPs (49\\.[5-9]\\d|50\\.00) %");
      JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
      double kept = rep.at("/budget/kept_fraction").asDouble();
      assertThat(kept).as(method).isBetween(0.495, 0.5);
      assertThat(rep.at("/budget/within_tolerance").asBoolean()).isTrue();
      assertThat(rep.at("/test/accuracy").asDouble()).isBetween(0.0, 1.0);
      JsonNode mask = JSON.readTree(Files.readString(out.resolve("mask.json")));
      assertThat(mask.get("unit_ids").get(0).asText()).isEqualTo("stage1:0");
      int[] bits = new int[mask.get("kept").size()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = mask.get("kept").get(i).asInt();
      }
      try (Classifier c = ClassifierFile.load(model); SlimResNet all = c.cut(Mask.all(bits.length));
          SlimResNet cut = c.cut(Mask.ofBits(bits))) {
        assertThat(rep.at("/cost/flops_per_image").asDouble()).isEqualTo(2.0 * cut.macs());
        assertThat(rep.at("/cost/flops_full").asDouble()).isEqualTo(2.0 * all.macs());
        assertThat(rep.at("/cost/params").asDouble()).isEqualTo((double) cut.params());
      }
      if (method.equals("hybrid")) {
        Qubo q = BqmJson.read(out.resolve("qubo.json"));
        assertThat(q.numVariables()).isEqualTo(bits.length);
        assertThat(rep.at("/selection/qubo_interactions").asInt()).isPositive();
      }
    }
  }

  @Test
  void benchComparesEveryMethodAtTheSameBudget() throws Exception {
    Path out = dir.resolve("bench");
    CliRun r = CliRun.main(concat(new String[] {"bench", "pruning"}, common("--budget", "flops", "--levels", "0.7,0.5",
        "--methods", "taylor,l1,fisher,halp,hybrid", "--seeds", "1", "--alphas", "0,1", "--betas", "0,0.1",
        "--val-images", "10", "--bn-recal", "1", "--out", out.toString())));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| 0.50 | hybrid |", "| 0.50 | halp |", "| 0.70 | l1 |", "| 0.50 | hybrid+bn |");
    List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(lines).hasSize(1 + 2 * 10);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double level = Double.parseDouble(f[1]);
      assertThat(Double.parseDouble(f[8])).as(line).isBetween(0.99 * level, level); // flops_min
      assertThat(Double.parseDouble(f[9])).as(line).isLessThanOrEqualTo(level); // flops_max
      assertThat(f[10]).as(line).isEqualTo("1");
    }
    assertThat(out.resolve("accuracy-vs-flops.png")).exists();
    assertThat(out.resolve("accuracy-vs-flops.svg")).exists();
    assertThat(Files.readAllLines(out.resolve("runs.csv")).get(1)).startsWith("unpruned,");
    assertThat(JSON.readTree(Files.readString(out.resolve("bench.json"))).at("/summary").size()).isEqualTo(20);
    assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(1 + 2 * 4);
  }

  @Test
  void aLatencyBudgetOrCapIsFittedToTheCutNetworksAndTheBenchsMasksAreTimed() throws Exception {
    // full-width layers of 16/32/64 channels (ResNet-8): the tiny width-4 network's pruned widths (2, 3)
    // run on slower kernels than its full ones, so there a pruned mask can be no faster than the unpruned
    Path model = dir.resolve("resnet8-w16.qpm");
    try (Classifier c = Classifier.create(new ResNetSpec(8, 16, 1, 28, 10), 3, new float[] {0.1f},
        new float[] {0.25f})) {
      ClassifierFile.save(c, model);
    }
    Path fit = dir.resolve("latency-fit.json");
    Path out = dir.resolve("prune-latency");
    CliRun r = CliRun.main(concat(new String[] {"prune"}, common(model, "--flops", "0.6", "--latency", "0.8", "--set",
        "latency_cache=" + fit, "--out", out.toString())));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("latency (predicted by the fit on this machine, 1 thread, batches of 64)");
    assertThat(fit).exists();
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/latency/cap_fraction").asDouble()).isEqualTo(0.8);
    assertThat(rep.at("/latency/predicted_fraction").asDouble()).isLessThanOrEqualTo(0.8 + 1e-9);
    assertThat(rep.at("/cost/flops_fraction").asDouble()).isLessThanOrEqualTo(0.6 + 1e-9); // below the window where the cap binds
    JsonNode fitted = JSON.readTree(Files.readString(fit));
    assertThat(fitted.at("/key/batch").asText()).isEqualTo("64");
    double full = fitted.at("/full_ms").asDouble();
    assertThat(rep.at("/latency/predicted_unpruned_ms").asDouble()).isCloseTo(full,
        org.assertj.core.data.Percentage.withPercentage(15)); // anchored at the unpruned network's measured time

    Path bench = dir.resolve("bench-latency");
    CliRun b = CliRun.main(concat(new String[] {"bench", "pruning"}, common(model, "--budget", "latency", "--levels", "0.85",
        "--methods", "taylor,hybrid", "--seeds", "1", "--alphas", "1", "--betas", "0", "--val-images", "10",
        "--set", "budget_tolerance=0.2", "--set", "latency_cache=" + fit, "--out", bench.toString())));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).contains("| 0.85 | hybrid |", "bench latency --model");
    JsonNode runs = JSON.readTree(Files.readString(bench.resolve("masks.json")));
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).get("method").asText()).isEqualTo("unpruned");
    assertThat(runs.get(1).get("test_accuracy").asDouble()).isBetween(0.0, 1.0);

    CliRun t = CliRun.main("bench", "latency", "--model", model.toString(), "--runs", bench.toString(), "--threads", "1",
        "--batch", "8", "--repeats", "2");
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out()).contains("batch 8 × 28²", "| 0.85 | hybrid | 1 |", "test accuracy (%)");
    List<String> csv = Files.readAllLines(bench.resolve("latency-b8-1t.csv"));
    assertThat(csv).hasSize(4); // the header, the unpruned network, taylor, hybrid
    assertThat(csv.get(0)).contains("test_accuracy", "batch");
    assertThat(csv.get(1)).startsWith("unpruned,");
    assertThat(Double.parseDouble(csv.get(2).split(",")[10])).isPositive(); // ratio to the unpruned
    assertThat(bench.resolve("accuracy-vs-latency-b8-1t.png")).exists();
    assertThat(bench.resolve("accuracy-vs-latency-b8-1t.svg")).exists();
    CliRun learn = CliRun.main("bench", "latency", "--model", model.toString(), "--fit", "--fit-cache", fit.toString(),
        "--learn", bench.toString(), "--neighbours", "1", "--repeats", "1");
    assertThat(learn.code()).as(learn.err()).isZero();
    assertThat(learn.out()).contains("mean error of the predicted ratio on these masks", "wrote " + fit);
    assertThat(JSON.readTree(Files.readString(fit)).get("learned_samples").asInt()).isBetween(2, 4);
    CliRun bad = CliRun.main("bench", "latency", "--model", model.toString(), "--slim", "x.qpm");
    assertThat(bad.code()).isNotZero();
    assertThat(bad.err()).contains("For a classifier");
  }
}
