package io.qprune.solvers.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import io.qprune.api.testing.RandomModels;
import org.junit.jupiter.api.Test;

class SwapSpaceTest {
  private static final int[] GROUPS = {0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3};
  private static final Cardinality C = Cardinality.perGroup(GROUPS, new int[] {1, 2, 2, 0});

  @Test
  void randomStatesKeepEveryGroupsCount() {
    Rng rng = new Rng(5);
    for (int t = 0; t < 50; t++) {
      byte[] x = SwapSpace.randomState(C, GROUPS.length, rng);
      assertThat(C.isSatisfiedBy(toInts(x), Vartype.BINARY)).isTrue();
    }
  }

  @Test
  void swapsStayWithinGroupsAndOnlyTouchMovableGroups() {
    Rng rng = new Rng(9);
    byte[] x = SwapSpace.randomState(C, GROUPS.length, rng);
    SwapSpace s = SwapSpace.of(C, x);
    // groups 2 (all set) and 3 (none set) cannot move: only groups 0 and 1 hold movable ones
    assertThat(s.numMovableOnes()).isEqualTo(3);
    for (int t = 0; t < 200; t++) {
      int i = s.randomOne(rng);
      int j = s.randomZeroBeside(i, rng);
      assertThat(x[i]).isEqualTo((byte) 1);
      assertThat(x[j]).isEqualTo((byte) 0);
      assertThat(GROUPS[j]).isEqualTo(GROUPS[i]);
      x[i] = 0;
      x[j] = 1;
      s.swap(i, j);
      assertThat(C.isSatisfiedBy(toInts(x), Vartype.BINARY)).isTrue();
    }
  }

  @Test
  void bestSwapIsExactOnSmallGroupsAndDescentReachesASwapLocalMinimum() {
    Qubo q = RandomModels.dense(Vartype.BINARY, GROUPS.length, 9, 3);
    BinaryForm m = BinaryForm.of(q);
    byte[] x = SwapSpace.randomState(C, GROUPS.length, new Rng(1));
    SwapSpace s = SwapSpace.of(C, x);
    double[] f = new double[m.n];
    m.fields(x, f);
    SwapMoves.descend(m, x, f, s, 1000);
    double e = m.energy(x);
    // with groups of at most 4 the candidate lists hold every variable: no single swap improves
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        if (x[i] == 1 && x[j] == 0 && GROUPS[i] == GROUPS[j]) {
          x[i] = 0;
          x[j] = 1;
          assertThat(m.energy(x)).isGreaterThanOrEqualTo(e);
          x[i] = 1;
          x[j] = 0;
        }
      }
    }
  }

  private static int[] toInts(byte[] x) {
    int[] v = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = x[i];
    }
    return v;
  }
}
