package io.qprune.formulation.qubo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Qubo;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactKPenaltyTest {
  @Test
  void theUnconstrainedMinimumIsTheBestPointOnTheSliceWithItsOwnEnergy() {
    SplittableRandom rng = new SplittableRandom(4);
    int n = 10;
    for (int trial = 0; trial < 5; trial++) {
      var b = Qubo.builder(n);
      for (int i = 0; i < n; i++) {
        b.addLinear(i, rng.nextDouble(-3, 3));
        for (int j = i + 1; j < n; j++) {
          if (rng.nextDouble() < 0.4) {
            b.addQuadratic(i, j, rng.nextDouble(-2, 2));
          }
        }
      }
      Qubo q = b.build();
      int k = 1 + trial;
      Qubo p = ExactKPenalty.of(q, k);
      double bestSlice = Double.POSITIVE_INFINITY;
      double bestAll = Double.POSITIVE_INFINITY;
      int bestAllCount = -1;
      for (int m = 0; m < 1 << n; m++) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
          x[i] = (m >> i) & 1;
        }
        double e = p.energy(x);
        if (Integer.bitCount(m) == k) {
          assertThat(e).isCloseTo(q.energy(x), within(1e-9));
          bestSlice = Math.min(bestSlice, q.energy(x));
        }
        if (e < bestAll) {
          bestAll = e;
          bestAllCount = Integer.bitCount(m);
        }
      }
      assertThat(bestAllCount).isEqualTo(k);
      assertThat(bestAll).isCloseTo(bestSlice, within(1e-9));
    }
  }
}
