package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/**
 * SparseEA's crossover (Tian et al. 2020): the child is p1 with one bit changed — with
 * probability 0.5 a bit set in p1 but not p2, chosen by a tournament favouring the less important,
 * is cleared; otherwise a bit set in p2 but not p1, favouring the more important, is set.
 */
final class SparseCrossover {
  private final double[] scores;

  SparseCrossover(double[] scores) {
    this.scores = scores;
  }

  /** The child (a new array); equal to p1 when the chosen side has no candidate. */
  int[] cross(int[] p1, int[] p2, SplittableRandom rng) {
    return cross(p1, p2, 0, rng);
  }

  /**
   * As {@link #cross(int[], int[], SplittableRandom)}, changing max(1, round(rate · candidates)) bits
   * (each by its own tournament; a bit drawn twice counts once); rate 0 changes one.
   */
  int[] cross(int[] p1, int[] p2, double rate, SplittableRandom rng) {
    int[] child = p1.clone();
    boolean clear = rng.nextDouble() < 0.5;
    int[] candidates = new int[p1.length];
    int count = 0;
    for (int i = 0; i < p1.length; i++) {
      if (clear ? p1[i] == 1 && p2[i] == 0 : p1[i] == 0 && p2[i] == 1) {
        candidates[count++] = i;
      }
    }
    int k = count == 0 ? 0 : Math.max(1, (int) Math.round(rate * count));
    for (int j = 0; j < k; j++) {
      child[ScoreTournament.pick(candidates, count, scores, clear, rng)] = clear ? 0 : 1;
    }
    return child;
  }
}
