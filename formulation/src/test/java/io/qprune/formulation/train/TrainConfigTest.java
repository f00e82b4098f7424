package io.qprune.formulation.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.PoissonGaussianNoise;
import io.qprune.formulation.model.ModelSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
  @Test
  void theCommittedDefaultConfigIsTheBuiltInDefault() {
    TrainConfig c = TrainConfig.load(Path.of("../configs/train-default.json"));
    assertThat(c).isEqualTo(TrainConfig.defaults());
    assertThat(c.spec()).isEqualTo(ModelSpec.defaultHalfUNet());
  }

  @Test
  void fieldsOverrideDefaults() {
    TrainConfig c = TrainConfig.parse(
        "{\"noise\": \"poisson-gaussian\", \"gain\": 0.5, \"readSigma\": 2, \"steps\": 7}", "t");
    assertThat(c.steps()).isEqualTo(7);
    assertThat(c.noiseModel()).isEqualTo(new PoissonGaussianNoise(0.5, 2));
    assertThat(c.channels()).isEqualTo(32);
  }

  @Test
  void badConfigsAreClearErrors() {
    assertThatThrownBy(() -> TrainConfig.parse("{\"stpes\": 5}", "t.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("t.json:1: unknown key 'stpes'").hasMessageContaining("Maybe 'steps'?");
    assertThatThrownBy(() -> TrainConfig.parse("{\"steps\": 2.5}", "t.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("t.json:1: 'steps' must be a whole number, got 2.5");
    assertThatThrownBy(() -> TrainConfig.parse("{\"patch\": 40}", "t.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiples of 16");
    assertThatThrownBy(() -> TrainConfig.parse("{\"schedule\": \"linear\"}", "t.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cosine or step");
    assertThatThrownBy(() -> TrainConfig.parse("[1]", "t.json"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void snakeCaseKeysAndTheEarlierCamelCaseSpellingsReadAlike() {
    String snake = "{\"lr_min\": 0.0001, \"checkpoint_every\": 5, \"val_crops\": 2, \"val_crop_size\": 32}";
    String camel = "{\"lrMin\": 0.0001, \"checkpointEvery\": 5, \"valCrops\": 2, \"valCropSize\": 32}";
    TrainConfig c = TrainConfig.parse(snake, "s.json");
    assertThat(TrainConfig.parse(camel, "c.json")).isEqualTo(c);
    assertThat(c.valCrops()).isEqualTo(2);
    assertThat(c.toJson()).contains("\"val_crop_size\" : 32").doesNotContain("valCropSize");
    assertThat(c.checkpointJson()).as("checkpoints keep their form").contains("\"valCropSize\" : 32");
    assertThat(TrainConfig.parse(c.toJson(), "again.json")).isEqualTo(c);
    assertThat(c.withThreads(1).threads()).isEqualTo(1);
  }

  @Test
  void schedulesDecay() {
    TrainConfig cos = TrainConfig.parse("{\"steps\": 100, \"lr\": 0.01, \"lrMin\": 0.001}", "t");
    LrSchedule s = LrSchedule.of(cos);
    assertThat(s.at(0)).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(s.at(50)).isCloseTo(0.0055, org.assertj.core.api.Assertions.within(1e-12));
    TrainConfig step = TrainConfig.parse(
        "{\"schedule\": \"step\", \"lr\": 0.01, \"lrMin\": 0, \"stepEvery\": 10, \"stepGamma\": 0.5}", "t");
    assertThat(LrSchedule.of(step).at(25)).isCloseTo(0.0025, org.assertj.core.api.Assertions.within(1e-12));
  }
}
