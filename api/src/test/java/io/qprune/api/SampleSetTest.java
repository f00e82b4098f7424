package io.qprune.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSetTest {

  @Test
  void sortsByEnergyStablyAndPacksBits() {
    int n = 130; // three 64-bit words per row
    int[] a = new int[n];
    int[] b = new int[n];
    a[0] = 1;
    a[129] = 1;
    b[64] = 1;
    SampleSet s = SampleSet.builder(Vartype.BINARY, n)
        .add(a, 2.0, 1).add(b, -1.0, 3).add(new int[n], 2.0, 2).build();
    assertThat(s.energies()).containsExactly(-1.0, 2.0, 2.0);
    assertThat(s.first().values()).isEqualTo(b);
    assertThat(s.first().count()).isEqualTo(3);
    assertThat(s.sample(1).values()).isEqualTo(a);
    assertThat(s.count(2)).isEqualTo(2);
    assertThat(s.bit(1, 129)).isTrue();
    assertThat(s.bit(1, 128)).isFalse();
  }

  @Test
  void spinSamplesMapBitsToPlusMinusOne() {
    SampleSet s = SampleSet.builder(Vartype.SPIN, 3).labels(List.of("x", "y", "z"))
        .add(new int[] {-1, 1, -1}, 0.5, 1).build();
    assertThat(s.first().values()).containsExactly(-1, 1, -1);
    assertThat(s.labels()).containsExactly("x", "y", "z");
  }

  @Test
  void rejectsValuesOutsideTheVartypeAndBadCounts() {
    assertThatThrownBy(() -> SampleSet.builder(Vartype.SPIN, 2).add(new int[] {0, 1}, 0, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Value 0 of variable 0");
    assertThatThrownBy(() -> SampleSet.builder(Vartype.BINARY, 2).add(new int[] {0, 1}, 0, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("count");
    assertThatThrownBy(() -> SampleSet.builder(Vartype.BINARY, 2).build().first())
        .isInstanceOf(SolverFailedException.class).hasMessageContaining("empty");
  }
}
