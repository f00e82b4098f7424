package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPruningCommandTest {
  @TempDir Path dir;

  /** A tiny untrained grey Half-UNet saved as {@code name} in the temp folder. */
  private Path tinyModel(String name, int width, long seed) {
    Torch.configure(1);
    Path model = dir.resolve(name);
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, width, 2, ColorMode.GREY), seed)) {
      ModelFile.save(m, model);
    }
    return model;
  }

  /** The small-calibration settings every run here uses, after {@code bench pruning --model model}. */
  private static List<String> small(Path model, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("bench", "pruning", "--model", model.toString(), "--val-crops",
        "2", "--val-crop-size", "32", "--set", "calibration_crops=4", "--set", "calibration_size=16", "--set",
        "pooled=4", "--set", "eval_photos=1", "--threads", "1", "-p", "num_reads=2"));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void writesTablesSweepAndPlotWithExactKInEveryRun() throws Exception {
    Path model = tinyModel("tiny.qpm", 8, 3);
    Path out = dir.resolve("bench");
    CliRun r = CliRun.main(small(model, "--sparsities", "0.25,0.5", "--seeds", "2", "--alphas", "0.5,1", "--betas",
        "0,0.1", "--refine-layers", "all", "--refine-budget", "6", "--set", "refine.optimizer_parameters={k: 4, k_top: 2}",
        "--out", out.toString()).toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| 0.25 | taylor |", "| 0.50 | hybrid |", "| 0.50 | hybrid+tt-all |",
        "Unpruned: test PSNR");
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    assertThat(runs).hasSize(1 + 1 + 2 * 2 * 4); // header, unpruned, seeds x sparsities x (methods + tt)
    assertThat(runs.subList(1, runs.size())).allSatisfy(l -> assertThat(l).contains(",true,"));
    assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(1 + 2 * 2 * 4); // per seed and sparsity
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(summary).hasSize(1 + 2 * 4);
    assertThat(summary.get(1)).startsWith("taylor,0.25,2,");
    byte[] png = Files.readAllBytes(out.resolve("psnr-vs-sparsity.png"));
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(Files.readString(out.resolve("summary.md"))).contains("± ");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<table>", "psnr-vs-sparsity.png", "Wilcoxon", "hybrid+tt-all", "qprune bench pruning");
    assertThat(out.resolve("psnr-vs-sparsity.svg")).exists();

    // every run's mask, timed exported beside the unpruned network by bench latency --runs
    assertThat(out.resolve("masks.json")).exists();
    CliRun lat = CliRun.main("bench", "latency", "--runs", out.toString(), "--model", model.toString(), "--sizes", "32",
        "--threads", "1", "--repeats", "2", "--fit", "--fit-cache", CliRun.TINY_LATENCY_FIT.toString());
    assertThat(lat.code()).as(lat.err()).isZero();
    assertThat(lat.out()).contains("| 0.50 | hybrid+tt-all | 2 |", "latency / unpruned", "predicted by the fit",
        "held-out");
    List<String> timed = Files.readAllLines(out.resolve("latency-32-1t.csv"));
    assertThat(timed).hasSize(1 + 1 + 2 * 2 * 4);
    assertThat(timed.get(1)).startsWith("unpruned,").contains(",1.00000,1.00000,32,1,2");
    assertThat(CliRun.TINY_LATENCY_FIT).exists();
    assertThat(out.resolve("psnr-vs-latency-32-1t.png")).exists();
    assertThat(out.resolve("psnr-vs-latency-32-1t.svg")).exists();
  }

  @Test
  void underAFlopsBudgetTheRefinedRowsKeepTheBudget() throws Exception {
    Path model = tinyModel("tiny3.qpm", 8, 4);
    Path out = dir.resolve("budget");
    CliRun r = CliRun.main(small(model, "--budget", "flops", "--levels", "0.6", "--methods", "hybrid", "--seeds", "1",
        "--alphas", "1", "--betas", "0", "--set", "budget_tolerance=0.2", "--refine-layers", "all", "--refine-budget",
        "12", "--set", "refine.optimizer_parameters={k: 6, k_top: 2}", "--out", out.toString()).toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    assertThat(runs).hasSize(1 + 1 + 2);
    int flopsCol = List.of(runs.get(0).split(",")).indexOf("flops_fraction");
    for (String line : runs.subList(2, runs.size())) {
      assertThat(Double.parseDouble(line.split(",")[flopsCol])).as(line).isBetween(0.48 - 1e-9, 0.6 + 1e-9);
      assertThat(line).contains(",true,");
    }
    assertThat(runs.get(3)).startsWith("hybrid+tt-all,");
  }

  @Test
  void aLatencyCapBesideTheFlopsLevelsHoldsForEveryMethodsMask() throws Exception {
    Path model = tinyModel("tiny4.qpm", 8, 6);
    Path out = dir.resolve("capped");
    Path fit = CliRun.TINY_LATENCY_FIT;
    CliRun r = CliRun.main(small(model, "--budget", "flops", "--levels", "0.6", "--methods", "taylor,halp,hybrid",
        "--seeds", "1", "--alphas", "1", "--betas", "0", "--set", "budget_tolerance=0.2", "--latency", "0.65",
        "--set", "latency_cache=" + fit, "--out", out.toString()).toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    MaskCost latency;
    try (Denoiser m = ModelFile.load(model)) {
      latency = PruneRun.latencyFit(m, PruneConfig.defaults().with("latency_cache", fit.toString())).cost(m);
    }
    JsonNode masks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("masks.json").toFile());
    assertThat(masks).hasSize(1 + 3);
    for (JsonNode run : masks) {
      if (run.get("method").asText().equals("unpruned")) {
        continue;
      }
      int[] bits = new int[run.get("kept").size()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = run.get("kept").get(i).asInt();
      }
      double share = latency.value(Mask.ofBits(bits)) / latency.total();
      assertThat(share).as(run.get("method").asText()).isLessThanOrEqualTo(0.65 + 1e-9);
      assertThat(run.get("flops_fraction").asDouble()).isLessThanOrEqualTo(0.6 + 1e-9);
    }
  }

  @Test
  void theFineTuneOptionAddsSeparateRowsWithTheSameMask() throws Exception {
    Path model = tinyModel("tiny2.qpm", 4, 5);
    Path out = dir.resolve("ft");
    CliRun r = CliRun.main("bench", "pruning", "--model", model.toString(), "--sparsities", "0.5",
        "--seeds", "1", "--methods", "taylor", "--no-tune", "--fine-tune", "3", "--fine-tune-lr",
        "0.01", "--val-crops", "1", "--val-crop-size", "32", "--set", "calibration_crops=2",
        "--set", "calibration_size=16", "--set", "pooled=4", "--set", "eval_photos=1", "--threads", "1", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    assertThat(runs).hasSize(4);
    String[] plain = runs.get(2).split(",");
    String[] tuned = runs.get(3).split(",");
    assertThat(plain[0]).isEqualTo("taylor");
    assertThat(tuned[0]).isEqualTo("taylor+ft");
    assertThat(tuned[5]).isEqualTo(plain[5]); // same kept units
    assertThat(tuned[10]).isNotEqualTo(plain[10]); // fine-tuning changed the test PSNR
  }
}
