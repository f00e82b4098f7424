package io.qprune.solvers.local.internal;

import io.qprune.api.Cardinality;

/**
 * The moves of exact-cardinality search: swap a set variable i with a clear variable j of the
 * same group, which keeps every group's count. Keeps the set variables of groups where a swap is
 * possible in one array and each group's clear variables in a slice of another, with positions,
 * so picking a random pair and applying a swap are O(1).
 */
public final class SwapSpace {
  private final int[] groupOf;
  private final int[] ones;
  private final int[] zeros;
  private final int[] zeroStart;
  private final int[] pos; // position of a variable in ones or zeros, -1 when it never moves

  private SwapSpace(int[] groupOf, int[] ones, int[] zeros, int[] zeroStart, int[] pos) {
    this.groupOf = groupOf;
    this.ones = ones;
    this.zeros = zeros;
    this.zeroStart = zeroStart;
    this.pos = pos;
  }

  /** The swap structure of state x, which must satisfy c. */
  public static SwapSpace of(Cardinality c, byte[] x) {
    int n = x.length;
    int groups = c.numGroups();
    int[] groupOf = new int[n];
    int[] size = new int[groups];
    for (int i = 0; i < n; i++) {
      groupOf[i] = c.groupOf(i);
      size[groupOf[i]]++;
    }
    boolean[] movable = new boolean[groups];
    int[] zeroStart = new int[groups + 1];
    int numOnes = 0;
    for (int g = 0; g < groups; g++) {
      movable[g] = c.count(g) > 0 && c.count(g) < size[g];
      int z = movable[g] ? size[g] - c.count(g) : 0;
      zeroStart[g + 1] = zeroStart[g] + z;
      numOnes += movable[g] ? c.count(g) : 0;
    }
    int[] ones = new int[numOnes];
    int[] zeros = new int[zeroStart[groups]];
    int[] fill = zeroStart.clone();
    int[] pos = new int[n];
    int o = 0;
    for (int i = 0; i < n; i++) {
      int g = groupOf[i];
      if (!movable[g]) {
        pos[i] = -1;
      } else if (x[i] != 0) {
        pos[i] = o;
        ones[o++] = i;
      } else {
        pos[i] = fill[g];
        zeros[fill[g]++] = i;
      }
    }
    return new SwapSpace(groupOf, ones, zeros, zeroStart, pos);
  }

  /** A uniformly random state that keeps the counts of c. */
  public static byte[] randomState(Cardinality c, int n, Rng rng) {
    int groups = c.numGroups();
    int[] size = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      size[c.groupOf(i) + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      size[g + 1] += size[g];
    }
    int[] members = new int[n];
    int[] fill = size.clone();
    for (int i = 0; i < n; i++) {
      members[fill[c.groupOf(i)]++] = i;
    }
    byte[] x = new byte[n];
    for (int g = 0; g < groups; g++) {
      int lo = size[g];
      int len = size[g + 1] - lo;
      for (int k = 0; k < c.count(g); k++) { // partial Fisher-Yates within the group
        int pick = lo + k + rng.nextInt(len - k);
        int t = members[lo + k];
        members[lo + k] = members[pick];
        members[pick] = t;
        x[members[lo + k]] = 1;
      }
    }
    return x;
  }

  public int numGroups() {
    return zeroStart.length - 1;
  }

  /** Whether any swap is possible at all. */
  public boolean canMove() {
    return ones.length > 0;
  }

  public int numMovableOnes() {
    return ones.length;
  }

  /** The k-th movable set variable. */
  public int one(int k) {
    return ones[k];
  }

  public int group(int i) {
    return groupOf[i];
  }

  public int zeroStart(int g) {
    return zeroStart[g];
  }

  public int zeroEnd(int g) {
    return zeroStart[g + 1];
  }

  /** The clear variable at position k of the zeros array. */
  public int zero(int k) {
    return zeros[k];
  }

  /** A random movable set variable. */
  public int randomOne(Rng rng) {
    return ones[rng.nextInt(ones.length)];
  }

  /** A random clear variable in the group of set variable i. */
  public int randomZeroBeside(int i, Rng rng) {
    int g = groupOf[i];
    return zeros[zeroStart[g] + rng.nextInt(zeroStart[g + 1] - zeroStart[g])];
  }

  /** Records that set variable i was cleared and clear variable j (same group) was set. */
  public void swap(int i, int j) {
    int pi = pos[i];
    int pj = pos[j];
    ones[pi] = j;
    zeros[pj] = i;
    pos[j] = pi;
    pos[i] = pj;
  }
}
