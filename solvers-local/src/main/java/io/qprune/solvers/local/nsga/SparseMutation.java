package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/**
 * SparseEA's mutation: with probability 0.5 clear one set bit chosen by a tournament favouring the
 * less important, otherwise set one clear bit favouring the more important.
 */
final class SparseMutation {
  private final double[] scores;

  SparseMutation(double[] scores) {
    this.scores = scores;
  }

  /** Changes one bit of x in place, or none when x has no bit of the chosen kind. */
  void mutate(int[] x, SplittableRandom rng) {
    boolean clear = rng.nextDouble() < 0.5;
    int[] candidates = new int[x.length];
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == (clear ? 1 : 0)) {
        candidates[count++] = i;
      }
    }
    if (count > 0) {
      x[ScoreTournament.pick(candidates, count, scores, clear, rng)] = clear ? 0 : 1;
    }
  }
}
