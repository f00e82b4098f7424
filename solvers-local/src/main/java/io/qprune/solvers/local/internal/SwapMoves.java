package io.qprune.solvers.local.internal;

import java.util.Arrays;

/**
 * Choosing and applying swap moves (clear a set variable i, set a clear j of the same group).
 * The exact best swap needs k·(n−k) evaluations; instead each group's {@link #WIDTH} most
 * promising set and clear variables (by their own flip costs) are paired, with the exact
 * correction {@code −W_ij}, which finds the best swap whenever interactions are small next to
 * the fields and stays O(n) per move.
 */
public final class SwapMoves {
  /** Candidates kept per side and group. */
  public static final int WIDTH = 8;
  private final int groups;
  private final int[] oneVar;
  private final double[] oneCost;
  private final int[] oneCount;
  private final int[] zeroVar;
  private final double[] zeroCost;
  private final int[] zeroCount;
  /** The chosen move after {@link #findBest}: variables and energy change. */
  public int bestI = -1;
  public int bestJ = -1;
  public double bestDelta = Double.POSITIVE_INFINITY;

  public SwapMoves(int groups) {
    this.groups = groups;
    this.oneVar = new int[groups * WIDTH];
    this.oneCost = new double[groups * WIDTH];
    this.oneCount = new int[groups];
    this.zeroVar = new int[groups * WIDTH];
    this.zeroCost = new double[groups * WIDTH];
    this.zeroCount = new int[groups];
  }

  /** Clears i and sets j, updating x, the local fields and the swap space. */
  public static void apply(BinaryForm m, byte[] x, double[] field, SwapSpace space, int i, int j) {
    x[i] = 0;
    for (int k = m.start[i], e = m.start[i + 1]; k < e; k++) {
      field[m.nb[k]] -= m.w[k];
    }
    x[j] = 1;
    for (int k = m.start[j], e = m.start[j + 1]; k < e; k++) {
      field[m.nb[k]] += m.w[k];
    }
    space.swap(i, j);
  }

  /**
   * Finds the best candidate swap among variables whose {@code tabuUntil} is at most
   * {@code iter} (all of them when tabuUntil is null). Returns false when there is none.
   */
  public boolean findBest(BinaryForm m, double[] field, SwapSpace space, long[] tabuUntil, long iter) {
    Arrays.fill(oneCount, 0);
    Arrays.fill(zeroCount, 0);
    for (int k = 0, e = space.numMovableOnes(); k < e; k++) {
      int i = space.one(k);
      if (tabuUntil == null || tabuUntil[i] <= iter) {
        keep(oneVar, oneCost, oneCount, space.group(i), i, -field[i]);
      }
    }
    for (int g = 0; g < groups; g++) {
      for (int k = space.zeroStart(g), e = space.zeroEnd(g); k < e; k++) {
        int j = space.zero(k);
        if (tabuUntil == null || tabuUntil[j] <= iter) {
          keep(zeroVar, zeroCost, zeroCount, g, j, field[j]);
        }
      }
    }
    bestI = -1;
    bestJ = -1;
    bestDelta = Double.POSITIVE_INFINITY;
    for (int g = 0; g < groups; g++) {
      for (int a = 0; a < oneCount[g]; a++) {
        int i = oneVar[g * WIDTH + a];
        for (int b = 0; b < zeroCount[g]; b++) {
          int j = zeroVar[g * WIDTH + b];
          double d = oneCost[g * WIDTH + a] + zeroCost[g * WIDTH + b] - m.weight(i, j);
          if (d < bestDelta) {
            bestDelta = d;
            bestI = i;
            bestJ = j;
          }
        }
      }
    }
    return bestI >= 0;
  }

  private static void keep(int[] var, double[] cost, int[] count, int g, int v, double c) {
    int base = g * WIDTH;
    int size = count[g];
    if (size == WIDTH && c >= cost[base + WIDTH - 1]) {
      return;
    }
    int pos = size < WIDTH ? size++ : WIDTH - 1;
    while (pos > 0 && cost[base + pos - 1] > c) {
      cost[base + pos] = cost[base + pos - 1];
      var[base + pos] = var[base + pos - 1];
      pos--;
    }
    cost[base + pos] = c;
    var[base + pos] = v;
    count[g] = size;
  }

  /** Applies best swaps while they lower the energy, at most maxMoves times. */
  public static void descend(BinaryForm m, byte[] x, double[] field, SwapSpace space, int maxMoves) {
    if (!space.canMove()) {
      return;
    }
    SwapMoves moves = new SwapMoves(space.numGroups());
    for (int t = 0; t < maxMoves; t++) {
      if (!moves.findBest(m, field, space, null, 0) || !(moves.bestDelta < -1e-9)) {
        return;
      }
      apply(m, x, field, space, moves.bestI, moves.bestJ);
    }
  }
}
