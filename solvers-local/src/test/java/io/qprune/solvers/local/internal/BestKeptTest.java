package io.qprune.solvers.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BestKeptTest {
  @Test
  void keepsTheLowestEnergiesWithTiesByReadIndex() {
    BestKept k = new BestKept(3);
    double[] energies = {5, 1, 3, 1, 7, 0, 3};
    for (int r = energies.length - 1; r >= 0; r--) {
      k.offer(new Found(new byte[0], energies[r], 0, r));
    }
    assertThat(k.list()).extracting(Found::read).containsExactly(5L, 1L, 3L);
    assertThat(k.bar()).isEqualTo(1.0);
  }

  @Test
  void readSeedsAreDistinctAndRepeatable() {
    assertThat(Seeds.forRead(1, 0)).isEqualTo(Seeds.forRead(1, 0)).isNotEqualTo(Seeds.forRead(1, 1))
        .isNotEqualTo(Seeds.forRead(2, 0));
    Rng a = new Rng(3);
    for (int t = 0; t < 1000; t++) {
      assertThat(a.nextInt(7)).isBetween(0, 6);
      assertThat(a.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
  }
}
