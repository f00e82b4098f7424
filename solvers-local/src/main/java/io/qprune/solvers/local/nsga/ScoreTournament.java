package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/** SparseEA's binary tournament on per-variable scores (lower = more important). */
final class ScoreTournament {
  private ScoreTournament() {}

  /**
   * One of the first {@code count} entries of {@code candidates}: of two drawn uniformly (with
   * replacement), the less important (higher score) when {@code lessImportant}, else the more
   * important; a tie goes to the first drawn.
   */
  static int pick(int[] candidates, int count, double[] scores, boolean lessImportant, SplittableRandom rng) {
    int a = candidates[rng.nextInt(count)];
    int b = candidates[rng.nextInt(count)];
    boolean bWins = lessImportant ? scores[b] > scores[a] : scores[b] < scores[a];
    return bWins ? b : a;
  }
}
