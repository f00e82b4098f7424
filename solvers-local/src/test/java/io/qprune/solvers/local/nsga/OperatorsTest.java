package io.qprune.solvers.local.nsga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperatorsTest {
  // bit 0 important, 1 not; bit 2 important, 3 not; bit 4 shared by both parents
  static final double[] SCORES = {0.1, 0.9, 0.2, 0.8, 0.5};
  static final int DRAWS = 20_000;

  @Test
  void sparseCrossoverClearsALessImportantBitOrSetsAMoreImportantOne() {
    int[] p1 = {1, 1, 0, 0, 1};
    int[] p2 = {0, 0, 1, 1, 1};
    SparseCrossover op = new SparseCrossover(SCORES);
    SplittableRandom rng = new SplittableRandom(3);
    int[] changed = new int[5];
    for (int k = 0; k < DRAWS; k++) {
      int[] c = op.cross(p1, p2, rng);
      assertThat(flips(p1, c)).isEqualTo(1);
      assertThat(ones(c) - ones(p1)).isIn(-1, 1);
      changed[firstDifference(p1, c)]++;
    }
    assertThat(p1).containsExactly(1, 1, 0, 0, 1);
    assertThat(changed[4]).isZero();
    // two draws with replacement: the less (more) important wins unless both draws miss it, 3/4
    assertThat((double) changed[1] / (changed[0] + changed[1])).isCloseTo(0.75, within(0.03));
    assertThat((double) changed[2] / (changed[2] + changed[3])).isCloseTo(0.75, within(0.03));
    assertThat((double) (changed[0] + changed[1]) / DRAWS).isCloseTo(0.5, within(0.03));
  }

  @Test
  void sparseCrossoverLeavesTheChildAsP1WhenTheDrawnSideHasNoCandidate() {
    int[] p1 = {1, 0, 0};
    int[] p2 = {1, 1, 0};
    SparseCrossover op = new SparseCrossover(new double[] {1, 2, 3});
    SplittableRandom rng = new SplittableRandom(4);
    int same = 0;
    for (int k = 0; k < 1000; k++) {
      int[] c = op.cross(p1, p2, rng);
      if (flips(p1, c) == 0) {
        same++;
      } else {
        assertThat(c).containsExactly(1, 1, 0);
      }
    }
    assertThat(same).isBetween(400, 600);
  }

  @Test
  void sparseMutationChangesOneBitFavouringImportance() {
    int[] x = {1, 1, 0, 0};
    SparseMutation op = new SparseMutation(new double[] {0.1, 0.9, 0.2, 0.8});
    SplittableRandom rng = new SplittableRandom(5);
    int[] changed = new int[4];
    for (int k = 0; k < DRAWS; k++) {
      int[] c = x.clone();
      op.mutate(c, rng);
      assertThat(flips(x, c)).isEqualTo(1);
      changed[firstDifference(x, c)]++;
    }
    assertThat((double) changed[1] / (changed[0] + changed[1])).isCloseTo(0.75, within(0.03));
    assertThat((double) changed[2] / (changed[2] + changed[3])).isCloseTo(0.75, within(0.03));
    int[] zeros = new int[4];
    int unchanged = 0;
    for (int k = 0; k < 1000; k++) {
      int[] c = zeros.clone();
      op.mutate(c, rng);
      unchanged += flips(zeros, c) == 0 ? 1 : 0;
      assertThat(ones(c)).isLessThanOrEqualTo(1);
    }
    assertThat(unchanged).isBetween(400, 600); // the "clear" half finds nothing to clear
  }

  @Test
  void realOperatorsStayWithinBoundsAndLeaveFixedGenesAlone() {
    double[] lo = {0, -1, 2};
    double[] hi = {1, 1, 2};
    Sbx sbx = new Sbx(lo, hi, 20);
    PolynomialMutation pm = new PolynomialMutation(lo, hi, 20, 1.0);
    SplittableRandom rng = new SplittableRandom(6);
    int moved = 0;
    for (int k = 0; k < 5000; k++) {
      double[][] c = sbx.cross(new double[] {0, -1, 2}, new double[] {1, 0.9, 2}, rng);
      for (double[] x : c) {
        pm.mutate(x, rng);
        for (int i = 0; i < 3; i++) {
          assertThat(x[i]).isBetween(lo[i], hi[i]);
        }
        moved += x[0] != 0 && x[0] != 1 ? 1 : 0;
      }
    }
    assertThat(moved).isGreaterThan(5000);
    double[] y = {0.3, 0.2, 2};
    new PolynomialMutation(lo, hi, 20, 0.0).mutate(y, rng);
    assertThat(y).containsExactly(0.3, 0.2, 2);
  }

  static int flips(int[] a, int[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += a[i] != b[i] ? 1 : 0;
    }
    return n;
  }

  static int ones(int[] a) {
    int n = 0;
    for (int v : a) {
      n += v;
    }
    return n;
  }

  static int firstDifference(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return -1;
  }
}
