package io.qprune.solvers.local.nsga;

import io.qprune.api.blackbox.Pareto2d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
  static final double[] REF = {4, 4};

  static List<double[]> staircase() {
    return new ArrayList<>(List.of(new double[] {3, 1}, new double[] {1, 3}, new double[] {2, 2}));
  }

  @Test
  void aStaircaseByHand() {
    assertThat(Pareto2d.hypervolume(staircase(), REF)).isEqualTo(1 * 1 + 1 * 2 + 1 * 3);
    assertThat(Pareto2d.hypervolume(List.of(new double[] {1, 1}), new double[] {2, 3})).isEqualTo(2);
    assertThat(Pareto2d.hypervolume(List.of(), REF)).isZero();
  }

  @Test
  void dominatedRepeatedAndOutsidePointsAddNothing() {
    List<double[]> p = staircase();
    p.add(new double[] {3, 3});   // dominated
    p.add(new double[] {2, 2});   // repeat
    p.add(new double[] {0.5, 5}); // beyond r2
    p.add(new double[] {4, 0});   // on r1: not strictly better
    p.add(new double[] {5, 0.5}); // beyond r1
    assertThat(Pareto2d.hypervolume(p, REF)).isEqualTo(6);
  }

  @Test
  void aPointWithTheSameFirstObjectiveButBetterSecondReplacesTheOther() {
    List<double[]> p = staircase();
    p.add(new double[] {1, 2.5});
    assertThat(Pareto2d.hypervolume(p, REF)).isEqualTo(1 * 1.5 + 1 * 2 + 1 * 3);
  }

  @Test
  void theTrueZdt1FrontMatchesTheIntegral() {
    assertThat(zdt1FrontHypervolume()).isCloseTo(0.1 + 2.0 / 3 + 0.1 * 1.1, within(1e-4));
  }

  /** f2 = 1 − √f1 on [0, 1], sampled finely, w.r.t. (1.1, 1.1). */
  static double zdt1FrontHypervolume() {
    List<double[]> front = new ArrayList<>();
    for (int i = 0; i <= 100_000; i++) {
      double f1 = i / 100_000.0;
      front.add(new double[] {f1, 1 - Math.sqrt(f1)});
    }
    return Pareto2d.hypervolume(front, new double[] {1.1, 1.1});
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> Pareto2d.hypervolume(List.of(new double[] {1, 2, 3}), REF))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("[1.0, 2.0, 3.0]");
    assertThatThrownBy(() -> Pareto2d.hypervolume(List.of(), new double[] {1}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("got 1");
  }
}
