package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.Qubo;
import io.qprune.api.io.BqmJson;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path model;
  static Path config;

  @BeforeAll
  static void setUp() throws Exception {
    Torch.configure(1);
    model = dir.resolve("tiny.qpm");
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY), 3)) {
      ModelFile.save(m, model);
    }
    config = dir.resolve("tiny.yaml");
    Files.writeString(config, "model: " + model + "\ncalibration_crops: 4\ncalibration_size: 16\n"
        + "calibration_chunk: 2\npooled: 4\nthreads: 1\nsolver: sa\nsolver_parameters:\n  num_reads: 2\n");
  }

  @Test
  void aFlopsBudgetWithALatencyCapMeetsTheFlopsWindowAndTheFittedCap() throws Exception {
    Path out = dir.resolve("out-latency");
    Path fit = CliRun.TINY_LATENCY_FIT;
    CliRun r = CliRun.main("prune", "--config", config.toString(), "--flops", "0.6", "--latency", "0.7",
        "--set", "latency_cache=" + fit, "--set", "evaluate=false", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("latency (predicted by the fit");
    assertThat(fit).exists();
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/latency/cap_fraction").asDouble()).isEqualTo(0.7);
    assertThat(rep.at("/latency/predicted_fraction").asDouble()).isLessThanOrEqualTo(0.7 + 1e-9);
    assertThat(rep.at("/cost/flops_fraction").asDouble()).isLessThanOrEqualTo(0.6 + 1e-9);
    assertThat(rep.at("/budget/kind").asText()).isEqualTo("flops");
    assertThat(rep.at("/budget/kept_fraction").asDouble()).isEqualTo(rep.at("/cost/flops_fraction").asDouble());
    // the tiny network's time is mostly overhead (one unit per layer already costs ≈ 0.5 of it): 0.75
    CliRun alone = CliRun.main("prune", "--config", config.toString(), "--latency", "0.75", "--set", "budget_tolerance=0.2",
        "--set", "latency_cache=" + fit, "--set", "evaluate=false", "--out", dir.resolve("out-lat2").toString());
    assertThat(alone.code()).as(alone.err()).isZero();
    JsonNode rep2 = JSON.readTree(Files.readString(dir.resolve("out-lat2").resolve("report.json")));
    assertThat(rep2.at("/latency/budget_fraction").asDouble()).isEqualTo(0.75);
    // 24 units of a tiny network (the fit measured on this machine): a 20 % window, not the default 1 %
    assertThat(rep2.at("/latency/predicted_fraction").asDouble()).isBetween(0.6 - 1e-9, 0.75 + 1e-9);
    assertThat(rep2.at("/budget/kind").asText()).isEqualTo("latency");
    assertThat(rep2.at("/budget/within_tolerance").asBoolean()).isTrue();
  }

  @Test
  void aDnCnnPrunesToALatencyBudgetFittedOnItsExportedNetworks() throws Exception {
    Path dncnn = dir.resolve("dncnn.qpm");
    // 16 channels per layer: on 8 the pruned widths (2-7) run on slower kernels than the full one
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.DNCNN, 16, 4, ColorMode.GREY), 3)) {
      ModelFile.save(m, dncnn);
    }
    Path cfg = dir.resolve("dncnn.yaml");
    Files.writeString(cfg, Files.readString(config).replace("model: " + model, "model: " + dncnn));
    Path fit = dir.resolve("dncnn-fit.json");
    Path out = dir.resolve("out-dncnn");
    CliRun r = CliRun.main("prune", "--config", cfg.toString(), "--latency", "0.8", "--set", "budget_tolerance=0.2",
        "--set", "latency_cache=" + fit, "--set", "evaluate=false", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(fit).exists();
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/budget/kind").asText()).isEqualTo("latency");
    assertThat(rep.at("/latency/predicted_fraction").asDouble()).as("%s", rep.at("/latency")).isBetween(0.6 - 1e-9, 0.8 + 1e-9);
    assertThat(rep.at("/budget/within_tolerance").asBoolean()).isTrue();
  }

  @Test
  void writesMaskQuboScoresAndReportAndEvalReadsTheMask() throws Exception {
    Path out = dir.resolve("out");
    CliRun r = CliRun.main("prune", "--config", config.toString(), "--sparsity", "0.5", "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("scores done in", "select done in", "test done in");
    JsonNode mask = JSON.readTree(Files.readString(out.resolve("mask.json")));
    assertThat(mask.get("units").asInt()).isEqualTo(24);
    assertThat(mask.get("kept_units").asInt()).isEqualTo(12);
    assertThat(mask.get("unit_ids").get(0).asText()).isEqualTo("enc1a:0");
    int ones = 0;
    for (JsonNode k : mask.get("kept")) {
      ones += k.asInt();
    }
    assertThat(ones).isEqualTo(12);
    Qubo q = BqmJson.read(out.resolve("qubo.json"));
    assertThat(q.numVariables()).isEqualTo(24);
    assertThat(q.label(0)).isEqualTo("enc1a:0");
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/selection/kept_units").asInt()).isEqualTo(12);
    assertThat(rep.at("/test/psnr").asDouble()).isGreaterThan(0);
    assertThat(rep.at("/cost/params_fraction").asDouble()).isBetween(0.0, 1.0);
    assertThat(rep.at("/seconds/scores").asDouble()).isGreaterThan(0);
    assertThat(rep.at("/config/method").asText()).isEqualTo("hybrid");
    // the shipped eval command evaluates the saved mask; its PSNR is the report's test PSNR
    CliRun e = CliRun.main("eval", "--model", model.toString(), "--mask",
        out.resolve("mask.json").toString(), "--threads", "1", "--json");
    assertThat(e.code()).as(e.err()).isZero();
    JsonNode ev = JSON.readTree(e.out());
    assertThat(ev.get("units_kept").asInt()).isEqualTo(12);
    assertThat(ev.get("psnr").asDouble()).isEqualTo(rep.at("/test/psnr").asDouble());

    // scores written by prune can be fed back with --scores: same method, same mask
    Path again = dir.resolve("again");
    CliRun s = CliRun.main("prune", "--scores", out.resolve("scores.json").toString(),
        "--config", dir.resolve("nomodel.yaml").toString().replace("nomodel", "tiny"),
        "--set", "model=default", "--sparsity", "0.5", "--out", again.toString());
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(JSON.readTree(Files.readString(again.resolve("mask.json"))).get("kept"))
        .isEqualTo(mask.get("kept"));
  }

  @Test
  void everyMethodAndSolverSwapKeepsExactlyK() throws Exception {
    for (String[] v : new String[][] {{"taylor", "sa"}, {"l1-qubo", "tabu"}, {"hybrid", "descent"},
        {"linear", "tabu"}}) {
      Path out = dir.resolve("m-" + v[0]);
      CliRun r = CliRun.main("prune", "--config", config.toString(), "--method", v[0], "--solver",
          v[1], "--sparsity", "0.36", "--set", "evaluate=false", "--out", out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
      assertThat(rep.at("/selection/kept_units").asInt()).as(v[0]).isEqualTo(15); // round(0.64 * 24)
      assertThat(Files.exists(out.resolve("qubo.json"))).isEqualTo(!v[0].equals("taylor"));
      assertThat(rep.has("test")).isFalse();
    }
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"units\": [{\"id\": \"a\", \"layer\": \"x\", \"taylor\": NaN}]}");
    CliRun r = CliRun.main("prune", "--scores", bad.toString(), "--out", dir.resolve("b").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).last().asString().startsWith("qprune: ");
    Files.writeString(bad, "{\"units\": [{\"id\": \"a\", \"layer\": \"x\", \"taylor\": 1, \"fisher\": -1}]}");
    r = CliRun.main("prune", "--scores", bad.toString(), "--out", dir.resolve("b").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'fisher' of unit 'a'");
    r = CliRun.main("prune", "--config", config.toString(), "--sparsity", "0.99", "--out",
        dir.resolve("c").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("per-layer limits");
    r = CliRun.main("prune", "--config", config.toString(), "--solver", "nosuch");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown solver 'nosuch'");
  }
}
