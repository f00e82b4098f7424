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
    mutate(x, 0, rng);
  }

  /** Changes max(1, round(rate · candidates)) bits of the chosen kind (rate 0: one), each by a tournament. */
  void mutate(int[] x, double rate, SplittableRandom rng) {
    boolean clear = rng.nextDouble() < 0.5;
    int[] candidates = new int[x.length];
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == (clear ? 1 : 0)) {
        candidates[count++] = i;
      }
    }
    int k = count == 0 ? 0 : Math.max(1, (int) Math.round(rate * count));
    int[] picks = new int[k];
    for (int j = 0; j < k; j++) {
      picks[j] = ScoreTournament.pick(candidates, count, scores, clear, rng);
    }
    for (int i : picks) {
      x[i] = clear ? 0 : 1;
    }
  }
}
