package io.qprune.solvers.local.nsga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortingTest {
  // 3 repeats 1; 4 is dominated only by 1 and 3; 6 also by 4; 5 by everything else
  static final List<double[]> POINTS = List.of(new double[] {1, 5}, new double[] {2, 3}, new double[] {4, 1},
      new double[] {2, 3}, new double[] {3, 4}, new double[] {5, 5}, new double[] {4, 4});

  @Test
  void fastNonDominatedSortFindsHandComputedFronts() {
    List<int[]> fronts = NonDominatedSort.fronts(POINTS);
    assertThat(fronts).containsExactly(new int[] {0, 1, 2, 3}, new int[] {4}, new int[] {6}, new int[] {5});
    assertThat(NonDominatedSort.dominates(new double[] {1, 5}, new double[] {5, 5})).isTrue();
    assertThat(NonDominatedSort.dominates(new double[] {2, 3}, new double[] {2, 3})).isFalse();
  }

  @Test
  void crowdingDistanceMatchesHandComputedValuesWithTies() {
    // f1 order 0,1,3,2 (tie 1/3 by position), range 3; f2 order 2,1,3,0, range 4
    double[] d = Crowding.distances(POINTS, new int[] {0, 1, 2, 3});
    assertThat(d[0]).isInfinite();
    assertThat(d[2]).isInfinite();
    assertThat(d[1]).isCloseTo((2.0 - 1) / 3 + (3.0 - 1) / 4, within(1e-12));
    assertThat(d[3]).isCloseTo((4.0 - 2) / 3 + (5.0 - 3) / 4, within(1e-12));
  }

  @Test
  void aConstantObjectiveAddsNothingNotEvenInfinityAtItsEnds() {
    // the middle point sits first, so a rule giving a constant objective's "ends" ∞ would give it ∞
    List<double[]> f = List.of(new double[] {2, 2, 7}, new double[] {1, 3, 7}, new double[] {4, 1, 7});
    double[] d = Crowding.distances(f, new int[] {0, 1, 2});
    assertThat(d[0]).isCloseTo((4.0 - 1) / 3 + (3.0 - 1) / 2, within(1e-12));
    assertThat(d[1]).isInfinite();
    assertThat(d[2]).isInfinite();
    List<double[]> lone = List.of(new double[] {1, 1}, new double[] {1, 1});
    assertThat(Crowding.distances(lone, new int[] {0})).containsExactly(Double.POSITIVE_INFINITY);
    assertThat(Crowding.distances(lone, new int[] {0, 1})).containsOnly(Double.POSITIVE_INFINITY);
    List<double[]> repeats = List.of(new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1});
    assertThat(Crowding.distances(repeats, new int[] {0, 1, 2})).containsOnly(0.0);
  }

  @Test
  void tournamentPrefersTheLowerFrontThenTheLargerDistance() {
    Ranking r = Ranking.of(POINTS);
    SplittableRandom rng = new SplittableRandom(1);
    assertThat(r.front(4)).isEqualTo(1);
    assertThat(r.distance(4)).isGreaterThan(r.distance(1)); // alone in its front (∞): a lower front still wins
    assertThat(Tournament.winner(r, 4, 1, rng)).isEqualTo(1);
    assertThat(Tournament.winner(r, 1, 4, rng)).isEqualTo(1);
    assertThat(Tournament.winner(r, 1, 0, rng)).isEqualTo(0); // same front, ∞ beats 5/6
    assertThat(Tournament.winner(r, 3, 1, rng)).isEqualTo(3); // same front, 7/6 beats 5/6
    Set<Integer> tieWinners = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      tieWinners.add(Tournament.winner(r, 0, 2, rng));
    }
    assertThat(tieWinners).containsExactlyInAnyOrder(0, 2);
  }

  @Test
  void survivorsAreWholeFrontsThenTheLeastCrowdedOfTheLastWithoutRepeatedVectors() {
    assertThat(Survival.distinct(POINTS)).containsExactly(0, 1, 2, 4, 5, 6);
    assertThat(Survival.select(POINTS, 3)).containsExactly(0, 1, 2);
    assertThat(Survival.select(POINTS, 5)).containsExactly(0, 1, 2, 4, 6);
    assertThat(Survival.select(POINTS, 2)).containsExactly(0, 2); // the ends (∞) of the cut front
    assertThat(Survival.select(POINTS, 7)).containsExactly(0, 1, 2, 4, 6, 5); // the repeat never survives
  }
}
