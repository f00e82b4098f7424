package io.qprune.solvers.local.pt;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Chain;
import io.qprune.solvers.local.internal.Rng;

/**
 * Houdayer's cluster move (Eur. Phys. J. B 22, 2001; as the isoenergetic cluster move of Zhu,
 * Ochoa and Katzgraber, PRL 115, 2015): pick a variable where two replicas at the same
 * temperature differ, grow the connected cluster of such variables over the model's
 * interactions, and flip it in both. The sum of the two energies is unchanged (every interaction
 * across the cluster's edge and every linear term cancels between the replicas), so the move is
 * always accepted, and it lets both replicas jump across barriers no single flip crosses.
 */
final class Houdayer {
  private final BinaryForm m;
  private final int[] queue;
  private final int[] stamp;
  private int epoch;
  long moves;
  long flipped;

  Houdayer(BinaryForm m) {
    this.m = m;
    this.queue = new int[m.n];
    this.stamp = new int[m.n];
  }

  /** One move between a and b; returns the cluster's size (0 when the replicas are equal). */
  int move(Chain a, Chain b, Rng rng) {
    byte[] x = a.bits();
    byte[] y = b.bits();
    int differ = 0;
    for (int i = 0; i < m.n; i++) {
      differ += x[i] ^ y[i];
    }
    if (differ == 0) {
      return 0;
    }
    int pick = rng.nextInt(differ);
    int seed = 0;
    for (int i = 0; i < m.n; i++) {
      if ((x[i] ^ y[i]) != 0 && pick-- == 0) {
        seed = i;
        break;
      }
    }
    if (++epoch == Integer.MAX_VALUE) {
      java.util.Arrays.fill(stamp, 0);
      epoch = 1;
    }
    int head = 0;
    int tail = 0;
    queue[tail++] = seed;
    stamp[seed] = epoch;
    while (head < tail) {
      int i = queue[head++];
      for (int k = m.start[i], e = m.start[i + 1]; k < e; k++) {
        int j = m.nb[k];
        if (stamp[j] != epoch && m.w[k] != 0 && (x[j] ^ y[j]) != 0) {
          stamp[j] = epoch;
          queue[tail++] = j;
        }
      }
    }
    for (int k = 0; k < tail; k++) {
      a.flipAndTrack(queue[k]);
      b.flipAndTrack(queue[k]);
    }
    moves++;
    flipped += tail;
    return tail;
  }
}
