package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  static {
    Torch.configure(1);
  }

  @TempDir Path dir;

  @Test
  void trainsATinyConfigAndWritesWeightsAndLog() throws Exception {
    Path cfg = Files.writeString(dir.resolve("tiny.json"), "{\"channels\": 4, \"depth\": 2, "
        + "\"patch\": 16, \"batch\": 2, \"steps\": 3, \"checkpointEvery\": 3, \"validateEvery\": 3, "
        + "\"valCrops\": 1, \"valCropSize\": 16, \"threads\": 1}");
    CliRun r = CliRun.of(new TrainCommand(), "--config", cfg.toString(), "--output",
        dir.resolve("out").toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("step 3: val PSNR");
    assertThat(dir.resolve("out/model.qpm")).exists();
    assertThat(dir.resolve("out/train-log.json")).exists();
  }

  @Test
  void badConfigIsExitTwoWithOneLine() throws Exception {
    CliRun missing = CliRun.of(new TrainCommand(), "--config", dir.resolve("no.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"sigma\": -3}");
    CliRun r = CliRun.of(new TrainCommand(), "--config", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("sigma");
  }
}
