package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/** The importance-blind binary baseline: uniform crossover, then independent bit flips. */
final class UniformBitFlip {
  private final double flipProbability;

  UniformBitFlip(double flipProbability) {
    this.flipProbability = flipProbability;
  }

  /** Two children taking each bit from either parent with probability 0.5 (new arrays). */
  int[][] cross(int[] a, int[] b, SplittableRandom rng) {
    int[] c1 = a.clone();
    int[] c2 = b.clone();
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i] && rng.nextBoolean()) {
        c1[i] = b[i];
        c2[i] = a[i];
      }
    }
    return new int[][] {c1, c2};
  }

  /** Flips each bit of x with the flip probability, in place. */
  void mutate(int[] x, SplittableRandom rng) {
    for (int i = 0; i < x.length; i++) {
      if (rng.nextDouble() < flipProbability) {
        x[i] ^= 1;
      }
    }
  }
}
