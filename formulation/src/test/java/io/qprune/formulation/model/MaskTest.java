package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class MaskTest {
  @Test
  void parsesDigitsJsonAndComments() {
    Mask m = Mask.parse("# mask for a tiny model\n[1, 0, 1]\n1 1");
    assertThat(m.size()).isEqualTo(5);
    assertThat(m.toBits()).containsExactly(1, 0, 1, 1, 1);
    assertThat(m.kept()).isEqualTo(4);
    assertThat(m.sparsity()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Mask.parse(m.toString())).isEqualTo(m);
  }

  @Test
  void rejectsAnythingButZeroAndOne() {
    assertThatThrownBy(() -> Mask.parse("1 0 2")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'2'");
    assertThatThrownBy(() -> Mask.ofBits(1, -1)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void isImmutable() {
    Mask all = Mask.all(3);
    Mask one = all.with(1, false);
    assertThat(all.kept()).isEqualTo(3);
    assertThat(one.toString()).isEqualTo("101");
    assertThat(one).isEqualTo(Mask.of(true, false, true)).hasSameHashCodeAs(Mask.of(true, false, true));
  }
}
