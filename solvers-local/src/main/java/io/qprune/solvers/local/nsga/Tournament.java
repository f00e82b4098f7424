package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/** NSGA-II's crowded binary tournament: of two random individuals the better ranked wins. */
final class Tournament {
  private Tournament() {}

  /** The winner of a tournament between two individuals drawn uniformly (with replacement). */
  static int select(Ranking r, SplittableRandom rng) {
    int a = rng.nextInt(r.size());
    int b = rng.nextInt(r.size());
    return winner(r, a, b, rng);
  }

  /** Lower front, then larger crowding distance; a full tie is settled by a coin. */
  static int winner(Ranking r, int a, int b, SplittableRandom rng) {
    if (r.better(a, b)) {
      return a;
    }
    if (r.better(b, a)) {
      return b;
    }
    return rng.nextBoolean() ? a : b;
  }
}
