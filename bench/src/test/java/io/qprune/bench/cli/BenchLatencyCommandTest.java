package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.bench.latency.LatencyMasks;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.SlimDenoiser;
import io.qprune.formulation.model.SlimModelFile;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchLatencyCommandTest {
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void setUp() {
    Torch.configure(1);
    model = dir.resolve("tiny.qpm");
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY), 3)) {
      ModelFile.save(m, model);
    }
  }

  @Test
  void theUniformMaskIsTheWidestWithinTheFlopsBudget() {
    try (Denoiser m = ModelFile.load(model)) {
      Mask half = LatencyMasks.uniformAtFlops(m, 0.5);
      double f = m.cost(half).flopsFraction(m.fullCost());
      assertThat(f).isLessThanOrEqualTo(0.5).isGreaterThan(0.2);
      assertThat(half.kept()).isLessThan(half.size());
    }
  }

  @Test
  void writesOneRowPerMaskSizeAndThreadCountWithPredictionsAtTheTableSetting() throws Exception {
    Path out = dir.resolve("out");
    CliRun r = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--threads", "1",
        "--sizes", "16,32", "--table-size", "32", "--repeats", "1", "--random", "1", "--cache", dir.resolve("t.json").toString(),
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("uniform 50% FLOPs", "random 50% #1", "unpruned");
    JsonNode j = new ObjectMapper().readTree(Files.readString(out.resolve("latency.json")));
    assertThat(j.get("rows")).hasSize(6);
    for (JsonNode row : j.get("rows")) {
      assertThat(row.get("median_ms").asDouble()).isPositive();
      assertThat(row.get("table_ms").isNull()).isEqualTo(row.get("size").asInt() != 32);
    }
    assertThat(Files.readAllLines(out.resolve("latency.csv"))).hasSize(7);
    assertThat(dir.resolve("t.json")).exists();
  }

  @Test
  void anExportedSlimFileIsTimedWithTheCostOfItsMask() throws Exception {
    Path slim = dir.resolve("half.qpm");
    Mask half;
    try (Denoiser m = ModelFile.load(model)) {
      half = LatencyMasks.uniformAtFlops(m, 0.5);
      try (SlimDenoiser s = SlimDenoiser.of(m, half)) {
        SlimModelFile.save(s, slim);
      }
    }
    Path out = dir.resolve("out-slim");
    CliRun r = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--threads", "1",
        "--sizes", "16", "--table-size", "16", "--repeats", "2", "--random", "0", "--slim", slim.toString(),
        "--cache", dir.resolve("t3.json").toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(Files.readString(out.resolve("latency.json"))).get("rows");
    assertThat(rows).hasSize(3);
    JsonNode uniform = rows.get(1);
    JsonNode timed = rows.get(2);
    assertThat(timed.get("mask").asText()).isEqualTo("slim half.qpm");
    assertThat(timed.get("units_kept").asInt()).isEqualTo(half.kept());
    assertThat(timed.get("flops_fraction").asDouble()).isCloseTo(uniform.get("flops_fraction").asDouble(),
        org.assertj.core.data.Offset.offset(0.02));
    assertThat(timed.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(timed.get("median_ms").asDouble());
    assertThat(timed.get("table_ms").isNull()).isTrue();
  }

  @Test
  void aSlimFileOfAnotherNetworkIsBadInput() throws Exception {
    Path other = dir.resolve("other.qpm");
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 4, 2, ColorMode.GREY), 3);
        SlimDenoiser s = SlimDenoiser.of(m, Mask.all(m.units().size()))) {
      SlimModelFile.save(s, other);
    }
    CliRun r = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--threads", "1",
        "--sizes", "16", "--repeats", "1", "--random", "0", "--slim", other.toString(),
        "--cache", dir.resolve("t4.json").toString(), "--out", dir.resolve("o4").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("other.qpm", "different network");
  }

  @Test
  void aSizeTheNetworkCannotTakeIsBadInput() {
    CliRun r = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--threads", "1",
        "--sizes", "7", "--repeats", "1", "--random", "0", "--cache", dir.resolve("t2.json").toString(),
        "--out", dir.resolve("o2").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("7", "multiple of 2");
  }

  @Test
  void learnRefitsACopyOfTheFitWithTheGivenMasksAndTheirNeighbours() throws Exception {
    Path fit = dir.resolve("learned-fit.json");
    Mask a;
    Mask b;
    try (Denoiser m = ModelFile.load(model)) {
      io.qprune.formulation.cost.LatencyFit.forModel(m, CliRun.TINY_LATENCY_FIT, 1, 256, false, false);
      a = LatencyMasks.uniformAtFlops(m, 0.5);
      b = LatencyMasks.random(m, 0.5, 3);
    }
    String shared = Files.readString(CliRun.TINY_LATENCY_FIT);
    Files.copy(CliRun.TINY_LATENCY_FIT, fit);
    Path maskFile = dir.resolve("a.txt");
    Files.writeString(maskFile, a.toString());
    Path runs = dir.resolve("learn-runs");
    Files.createDirectories(runs);
    StringBuilder json = new StringBuilder("[{\"method\": \"unpruned\", \"kept\": [");
    json.append("1, ".repeat(a.size() - 1)).append("1]}, {\"method\": \"hybrid\", \"kept\": [");
    int[] bits = b.toBits();
    for (int i = 0; i < bits.length; i++) {
      json.append(i > 0 ? ", " : "").append(bits[i]);
    }
    Files.writeString(runs.resolve("masks.json"), json.append("]}]").toString());
    CliRun r = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--fit", "--fit-cache", fit.toString(),
        "--learn", maskFile.toString(), "--learn", runs.toString(), "--neighbours", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("mean error of the predicted ratio on these masks", "4 learned", "wrote " + fit);
    JsonNode saved = new ObjectMapper().readTree(Files.readString(fit));
    assertThat(saved.get("learned_samples").asInt()).isEqualTo(4); // 2 masks (the unpruned run left out) × (1 + 1)
    assertThat(saved.get("samples")).hasSize(64 + 4);
    assertThat(Files.readString(CliRun.TINY_LATENCY_FIT)).isEqualTo(shared);
    CliRun noFit = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--learn", maskFile.toString());
    assertThat(noFit.code()).isEqualTo(2);
    assertThat(noFit.err()).contains("--learn", "--fit");
    CliRun empty = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--fit", "--fit-cache", fit.toString(),
        "--learn", dir.toString());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("mask.json");
  }

  @Test
  void aBadRunsFileIsAnErrorNamingTheEntry() throws Exception {
    Path runs = dir.resolve("bad-runs");
    Files.createDirectories(runs);
    Files.writeString(runs.resolve("masks.json"), "[{\"method\": \"x\", \"kept\": [1, 0, 2]}]");
    CliRun r = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--runs", runs.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("masks.json").contains("run 0 kept[2] is 2");
    CliRun none = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--runs", dir.resolve("nowhere").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("does not exist");
  }
}
