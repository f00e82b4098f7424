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
  void aSizeTheNetworkCannotTakeIsBadInput() {
    CliRun r = CliRun.of(new BenchLatencyCommand(), "--model", model.toString(), "--threads", "1",
        "--sizes", "7", "--repeats", "1", "--random", "0", "--cache", dir.resolve("t2.json").toString(),
        "--out", dir.resolve("o2").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("7", "multiple of 2");
  }
}
