package io.qprune.solvers.local.pt;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Replica;
import io.qprune.solvers.local.internal.Rng;

/**
 * Houdayer's cluster move (Eur. Phys. J. B 22, 2001; as the isoenergetic cluster move of Zhu,
 * Ochoa and Katzgraber, PRL 115, 2015): pick a variable where two replicas at the same
 * temperature differ, grow the connected cluster of such variables over the model's
 * interactions, and flip it in both. The sum of the two energies is unchanged (every interaction
 * across the cluster's edge and every linear term cancels between the replicas), so the move is
 * always accepted, and it lets both replicas jump across barriers no single flip crosses. It
 * helps while the differing variables do not percolate: a cluster spanning all of them only
 * swaps the two replicas.
 */
final class Houdayer {
  private final BinaryForm m;
  private final int[] queue;
  private final int[] stamp;
  private final int[] diff;
  private int epoch;
  long moves;
  long flipped;
  /** Variables where the replicas differed, summed over the moves. */
  long differed;
  /** Where the replicas differed at the last move. */
  int lastDiffer;
  /** Whether the last move left a's state in b and b's in a (the caller swaps them back). */
  boolean swapped;

  Houdayer(BinaryForm m) {
    this.m = m;
    this.queue = new int[m.n];
    this.stamp = new int[m.n];
    this.diff = new int[m.n + 1];
  }

  /**
   * One move between a and b; returns the cluster's size (0 when the replicas are equal). When
   * the cluster holds more than half of the differing variables, the same end state is reached
   * by flipping the rest of them in both and swapping the two states: {@link #swapped} then
   * tells the caller to exchange a and b.
   */
  int move(Replica a, Replica b, Rng rng) {
    byte[] x = a.bits();
    byte[] y = b.bits();
    int differ = 0;
    for (int i = 0; i < m.n; i++) {
      diff[differ] = i;
      differ += x[i] ^ y[i];
    }
    lastDiffer = differ;
    swapped = false;
    if (differ == 0) {
      return 0;
    }
    int seed = diff[rng.nextInt(differ)];
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
    if (2 * tail > differ) {
      for (int k = 0; k < differ; k++) {
        int i = diff[k];
        if (stamp[i] != epoch) {
          a.flipAndTrack(i);
          b.flipAndTrack(i);
        }
      }
      swapped = true;
    } else {
      for (int k = 0; k < tail; k++) {
        a.flipAndTrack(queue[k]);
        b.flipAndTrack(queue[k]);
      }
    }
    moves++;
    flipped += tail;
    differed += differ;
    return tail;
  }
}
