package io.qprune.formulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiddFolderTest {
  @TempDir Path root;

  private static Image filled(int h, int w, float base) {
    float[] px = new float[3 * h * w];
    for (int i = 0; i < px.length; i++) {
      px[i] = (base + i) % 256;
    }
    return Image.of(3, h, w, px);
  }

  private void scene(String folder, String id, float base) throws Exception {
    Path s = Files.createDirectories(root.resolve(folder));
    ImageFiles.writePng(filled(4, 5, base), s.resolve(id + "_GT_SRGB_010.PNG"));
    ImageFiles.writePng(filled(4, 5, base + 7), s.resolve(id + "_NOISY_SRGB_010.PNG"));
  }

  @Test
  void loadsPairsSceneBySceneInTheSiddLayout() throws Exception {
    scene("0002_001_S6_00100_00020_3200_N", "0002", 10);
    scene("0001_001_S6_00100_00060_3200_L", "0001", 50);
    Files.writeString(root.resolve("ReadMe.txt"), "ignored");
    List<NoisyPair> pairs = SiddFolder.load(root, ColorMode.RGB);
    assertThat(pairs).extracting(NoisyPair::name).containsExactly(
        "0001_001_S6_00100_00060_3200_L/0001_GT_SRGB_010.PNG",
        "0002_001_S6_00100_00020_3200_N/0002_GT_SRGB_010.PNG");
    NoisyPair p = pairs.get(0);
    assertThat(p.clean()).isEqualTo(filled(4, 5, 50));
    assertThat(p.noisy()).isEqualTo(filled(4, 5, 57));
    assertThat(SiddFolder.load(root, ColorMode.GREY).get(0).clean().channels()).isEqualTo(1);
  }

  @Test
  void aGroundTruthWithoutItsNoisyTwinIsAClearError() throws Exception {
    Path s = Files.createDirectories(root.resolve("0003_scene"));
    ImageFiles.writePng(filled(4, 5, 0), s.resolve("0003_GT_SRGB_011.PNG"));
    assertThatThrownBy(() -> SiddFolder.load(root, ColorMode.RGB))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("0003_NOISY_SRGB_011.png");
  }

  @Test
  void aFolderWithoutScenesIsAClearError() {
    assertThatThrownBy(() -> SiddFolder.load(root, ColorMode.RGB))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("GT_SRGB");
  }
}
