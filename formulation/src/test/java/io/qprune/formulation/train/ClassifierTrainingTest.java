package io.qprune.formulation.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.classify.IdxFixture;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainingTest {
  @TempDir Path dir;

  private ClassifierTrainConfig config(Path data) {
    return ClassifierTrainConfig.parse("{\"task\": \"classification\", \"data\": \"" + data + "\", \"depth\": 8,"
        + " \"width\": 8, \"batch\": 32, \"epochs\": 4, \"lr\": 0.01, \"threads\": 1, \"checkpointEvery\": 2,"
        + " \"validateEvery\": 5, \"shift\": 0, \"flip\": false}", "test");
  }

  @Test
  void learnsASeparableTaskAndResumesExactlyAfterAKill() throws Exception {
    Path data = dir.resolve("data");
    IdxFixture.writeTestSplit(data, 400, 10, 11);
    ClassifierTrainConfig cfg = config(data);
    Path whole = ClassifierTraining.run(cfg, dir.resolve("a"), new TrainListener() {});
    // a second run killed after step 7 (its last checkpoint: step 6), then resumed
    Path out = dir.resolve("b");
    assertThatThrownBy(() -> ClassifierTraining.run(cfg, out, new TrainListener() {
      @Override
      public void stepped(int step, double loss, double lr) {
        if (step == 6) {
          throw new IllegalStateException("killed");
        }
      }
    })).hasMessage("killed");
    assertThat(out.resolve(Training.CHECKPOINT)).exists();
    Path resumed = ClassifierTraining.run(cfg, out, new TrainListener() {});
    try (Classifier a = ClassifierFile.load(whole); Classifier b = ClassifierFile.load(resumed)) {
      assertThat(Double.parseDouble(a.info().get("testAccuracy"))).isGreaterThan(0.6);
      for (int i = 0; i < a.weightLayers().size(); i++) {
        assertThat(b.weights(i)).containsExactly(a.weights(i));
      }
      assertThat(b.info().get("dataNote")).contains("Only the test split");
    }
    assertThat(Files.readString(dir.resolve("a").resolve(Training.LOG))).contains("\"testAccuracy\"");
  }

  @Test
  void fineTuningKeepsPrunedWeightsAtZero() throws Exception {
    Path data = dir.resolve("data");
    IdxFixture.writeTestSplit(data, 200, 10, 12);
    var splits = io.qprune.formulation.classify.FashionMnist.load(data);
    try (Classifier c = Classifier.create(new io.qprune.formulation.model.ResNetSpec(8, 4, 1, 28, 10), 1,
        new float[] {0.1f}, new float[] {0.3f})) {
      java.util.List<float[]> masks = new java.util.ArrayList<>();
      for (var l : c.weightLayers()) {
        float[] m = new float[l.size()];
        for (int i = 0; i < m.length; i++) {
          m[i] = i % 2;
        }
        masks.add(m);
      }
      float[] before = c.weights(3);
      double loss = ClassifierFineTune.run(c, masks, splits.train(), 4, 1e-2, 1, new TrainListener() {});
      assertThat(loss).isFinite();
      for (int l = 0; l < masks.size(); l++) {
        float[] w = c.weights(l);
        for (int i = 0; i < w.length; i += 2) {
          assertThat(w[i]).isZero();
        }
      }
      assertThat(c.weights(3)[1]).isNotEqualTo(before[1]); // kept weights were trained
    }
  }

  @Test
  void configErrorsNameTheField() {
    assertThatThrownBy(() -> ClassifierTrainConfig.parse("{\"task\": \"classification\", \"epoch\": 3}", "f.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("f.json:1: unknown key 'epoch'").hasMessageContaining("Maybe 'epochs'?");
    assertThatThrownBy(() -> ClassifierTrainConfig.parse("{\"depth\": 21}", "f.json"))
        .hasMessageContaining("6n + 2");
    assertThatThrownBy(() -> ClassifierTrainConfig.parse("{\"dataset\": \"cifar10\"}", "f.json"))
        .hasMessageContaining("needs 'data'");
    assertThat(ClassifierTrainConfig.isClassification("{\"task\": \"classification\"}")).isTrue();
    assertThat(ClassifierTrainConfig.from(io.qprune.api.config.ConfigFile.read(
        java.nio.file.Path.of("../configs/train-resnet20.json")))).isEqualTo(ClassifierTrainConfig.defaults());
    assertThat(ClassifierTrainConfig.isClassification("{\"architecture\": \"half-unet\"}")).isFalse();
  }

  @Test
  void augmentationShiftsAndFlipsButKeepsLabels() {
    var cfg = ClassifierTrainConfig.defaults();
    byte[] px = new byte[784];
    px[0] = (byte) 255; // top-left pixel
    var b = new io.qprune.formulation.classify.LabelledImages(1, 1, 28, 28, px, new byte[] {7}, 10, "one");
    int moved = 0;
    for (int step = 0; step < 20; step++) {
      var a = ClassifierTraining.augment(b, cfg, step);
      assertThat(a.label(0)).isEqualTo(7);
      int bright = 0;
      for (byte v : a.pixels()) {
        bright += v != 0 ? 1 : 0;
      }
      assertThat(bright).isLessThanOrEqualTo(1);
      moved += a.pixels()[0] == 0 ? 1 : 0;
    }
    assertThat(moved).isGreaterThan(0);
  }
}
