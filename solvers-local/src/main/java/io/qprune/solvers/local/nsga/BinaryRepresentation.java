package io.qprune.solvers.local.nsga;

import java.util.SplittableRandom;

/**
 * Bit-string genomes. An initial genome draws a density ρ ~ U(0, 1); without scores each bit is
 * set with probability ρ, with scores ⌈ρ·n⌉ bits are set, each picked by a tournament favouring
 * the more important (SparseEA's initialisation).
 */
final class BinaryRepresentation implements Representation<int[]> {
  private final int length;
  private final double[] scores;
  private final int[] all;

  BinaryRepresentation(int length, double[] scores) {
    this.length = length;
    this.scores = scores;
    this.all = java.util.stream.IntStream.range(0, length).toArray();
  }

  @Override
  public int[] random(SplittableRandom rng) {
    double density = rng.nextDouble();
    int[] x = new int[length];
    if (scores == null) {
      for (int i = 0; i < length; i++) {
        x[i] = rng.nextDouble() < density ? 1 : 0;
      }
    } else {
      int picks = (int) Math.ceil(density * length);
      for (int k = 0; k < picks; k++) {
        x[ScoreTournament.pick(all, length, scores, false, rng)] = 1;
      }
    }
    return x;
  }

  @Override
  public String key(int[] x) {
    char[] c = new char[(length + 15) / 16];
    for (int i = 0; i < length; i++) {
      c[i >> 4] |= (char) (x[i] << (i & 15));
    }
    return new String(c);
  }

  @Override
  public int[] fromKey(String key) {
    int[] x = new int[length];
    for (int i = 0; i < length; i++) {
      x[i] = key.charAt(i >> 4) >> (i & 15) & 1;
    }
    return x;
  }
}
