package io.qprune.formulation.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.formulation.data.Image;
import org.junit.jupiter.api.Test;

class ReflectPadTest {
  @Test
  void reflectsWithoutRepeatingTheEdge() {
    // n = 4: 0 1 2 3 | 2 1 0 1 2 3 2 ...
    int[] got = new int[11];
    for (int i = 0; i < got.length; i++) {
      got[i] = ReflectPad.reflect(i, 4);
    }
    assertThat(got).containsExactly(0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2);
    assertThat(ReflectPad.reflect(5, 1)).isZero();
  }

  @Test
  void padsBottomAndRightToTheMultiple() {
    Image img = Image.of(1, 2, 3, new float[] {1, 2, 3, 4, 5, 6});
    int[] size = new int[2];
    float[] p = ReflectPad.toMultiple(img, 4, size);
    assertThat(size).containsExactly(4, 4);
    assertThat(p).containsExactly(
        1, 2, 3, 2,
        4, 5, 6, 5,
        1, 2, 3, 2,
        4, 5, 6, 5);
  }
}
