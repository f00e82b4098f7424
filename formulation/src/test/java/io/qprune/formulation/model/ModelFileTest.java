package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir Path dir;

  @Test
  void saveAndLoadGiveTheSameOutputs() {
    Path f = dir.resolve("m.qpm");
    float[] x = ModelTestSupport.randomPixels(2 * 16 * 16, 4);
    Shape shape = new Shape(2, 1, 16, 16);
    float[] before;
    try (Denoiser m = ModelTestSupport.halfUNet(6, 3); NDManager sub = m.manager().newSubManager()) {
      m.putInfo("note", "test");
      before = ModelTestSupport.run(m, sub, x, shape);
      ModelFile.save(m, f);
    }
    try (Denoiser m = ModelFile.load(f); NDManager sub = m.manager().newSubManager()) {
      assertThat(m.spec()).isEqualTo(new ModelSpec(Architecture.HALF_UNET, 6, 3,
          io.qprune.formulation.data.ColorMode.GREY));
      assertThat(m.info()).containsEntry("note", "test");
      assertThat(ModelTestSupport.run(m, sub, x, shape)).containsExactly(before);
    }
  }

  @Test
  void notAModelIsAClearError() throws Exception {
    Path f = Files.writeString(dir.resolve("x.qpm"), "hello");
    assertThatThrownBy(() -> ModelFile.load(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a qprune model");
    assertThatThrownBy(() -> ModelFile.load(dir.resolve("missing.qpm")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
  }
}
