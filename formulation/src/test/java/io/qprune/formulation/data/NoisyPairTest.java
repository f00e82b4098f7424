package io.qprune.formulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoisyPairTest {
  private static NoisyPair pair(String name, int h, int w, float clean, float noisy) {
    float[] c = new float[h * w];
    float[] n = new float[h * w];
    java.util.Arrays.fill(c, clean);
    java.util.Arrays.fill(n, noisy);
    return new NoisyPair(name, Image.of(1, h, w, c), Image.of(1, h, w, n));
  }

  @Test
  void stacksNoisyAndCleanInOrder() {
    List<NoisyPair> pairs = List.of(pair("a", 2, 2, 1, 2), pair("b", 2, 2, 3, 4));
    assertThat(NoisyPair.stack(pairs, NoisyPair::noisy, "Crop", 1)).containsExactly(2, 2, 2, 2, 4, 4, 4, 4);
    assertThat(NoisyPair.stack(pairs, NoisyPair::clean, "Crop", 1)).containsExactly(1, 1, 1, 1, 3, 3, 3, 3);
  }

  @Test
  void namesTheOddPairOut() {
    assertThatThrownBy(() -> NoisyPair.stack(List.of(pair("a", 2, 2, 0, 0), pair("b", 2, 4, 0, 0)), NoisyPair::clean, "Calibration crop", 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Calibration crop 'b'")
        .hasMessageContaining("1x2x2");
    assertThatThrownBy(() -> NoisyPair.stack(List.of(pair("a", 2, 2, 0, 0)), NoisyPair::noisy, "Crop", 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Crop 'a'")
        .hasMessageContaining("3 channel(s)");
  }
}
