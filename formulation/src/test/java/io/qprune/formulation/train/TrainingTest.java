package io.qprune.formulation.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
  static {
    Torch.configure(1);
  }

  private static final TrainConfig TINY = TrainConfig.parse("{\"channels\": 4, \"depth\": 2, "
      + "\"patch\": 16, \"batch\": 2, \"steps\": 4, \"checkpointEvery\": 2, \"validateEvery\": 2, "
      + "\"valCrops\": 1, \"valCropSize\": 16, \"threads\": 1, \"lr\": 0.01}", "tiny");

  @TempDir Path dir;

  private static float[] outputs(Path weights) {
    try (Denoiser m = ModelFile.load(weights); NDManager sub = m.manager().newSubManager()) {
      float[] x = new float[16 * 16];
      for (int i = 0; i < x.length; i++) {
        x[i] = (i % 7) / 7f;
      }
      return m.denoise(sub.create(x, new Shape(1, 1, 16, 16)), false).toFloatArray();
    }
  }

  @Test
  void aKilledRunResumesToTheSameWeights() throws Exception {
    Path straight = Training.run(TINY, dir.resolve("a"), TrainListener.none());
    TrainListener killer = new TrainListener() {
      @Override
      public void checkpointed(int step) {
        if (step == 2) {
          throw new IllegalStateException("killed");
        }
      }
    };
    assertThatThrownBy(() -> Training.run(TINY, dir.resolve("b"), killer)).hasMessage("killed");
    assertThat(dir.resolve("b").resolve(Training.MODEL)).doesNotExist();
    int[] first = new int[1];
    TrainListener watch = new TrainListener() {
      @Override
      public void started(int firstStep, int totalSteps) {
        first[0] = firstStep;
      }
    };
    Path resumed = Training.run(TINY, dir.resolve("b"), watch);
    assertThat(first[0]).isEqualTo(2);
    assertThat(outputs(resumed)).containsExactly(outputs(straight));
    var log = new ObjectMapper().readTree(Files.readString(dir.resolve("b").resolve(Training.LOG)));
    assertThat(log.get("entries")).hasSize(2);
    assertThat(log.get("entries").get(1).get("valPsnr").asDouble()).isGreaterThan(0);
  }

  @Test
  void aCheckpointFromAnotherConfigIsRefused() {
    Training.run(TINY, dir.resolve("c"), TrainListener.none());
    TrainConfig other = TrainConfig.parse(TINY.toJson().replace("\"lr\" : 0.01", "\"lr\" : 0.02"), "x");
    assertThatThrownBy(() -> Training.run(other, dir.resolve("c"), TrainListener.none()))
        .isInstanceOf(io.qprune.api.InvalidInputException.class)
        .hasMessageContaining("different config");
  }
}
