package io.qprune.solvers.local.tabu;

import io.qprune.solvers.local.internal.BinaryForm;

/**
 * MST2's restart move (Palubeckis 2004): pick {@code max(10, 0.4 n)} variables by a roulette
 * that strongly favours flips with a high gain (re-scored as if each pick had been flipped), then
 * decide flip or keep for each picked variable by a steepest-ascent pass over the picked set,
 * and apply the chosen flips. In this file gain = −(energy change), and {@code s = 1 − 2x}.
 */
final class Perturbation {
  private static final double LAMBDA = 5000.0;

  private Perturbation() {}

  static void apply(FlipTabu t, double[] delta) {
    int[] picked = select(t, delta, Math.min(t.n, Math.max(10, (int) Math.floor(0.4 * t.n))));
    for (int r : steepestAscent(t, delta, picked)) {
      t.flip(r);
    }
  }

  /** Roulette selection of k variables (fewer if the read must stop); O(k·n). */
  static int[] select(FlipTabu t, double[] delta, int k) {
    BinaryForm m = t.m;
    int n = t.n;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = -delta[i];
    }
    boolean[] taken = new boolean[n];
    int[] out = new int[k];
    for (int c = 0; c < k; c++) {
      if ((c & 63) == 63 && t.shouldStop()) { // O(k·n) work: honour the time limit on big models
        return java.util.Arrays.copyOf(out, c);
      }
      double dMin = Double.POSITIVE_INFINITY;
      double dMax = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!taken[i]) {
          dMin = Math.min(dMin, d[i]);
          dMax = Math.max(dMax, d[i]);
        }
      }
      Weights wt = new Weights(dMin, dMax);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (!taken[i]) {
          sum += wt.of(d[i]);
        }
      }
      int pick = -1;
      double u = t.rng.nextDouble() * sum;
      for (int i = 0; i < n; i++) {
        if (!taken[i]) {
          pick = i;
          u -= wt.of(d[i]);
          if (u < 0) {
            break;
          }
        }
      }
      out[c] = pick;
      taken[pick] = true;
      int sp = 1 - 2 * t.x[pick];
      for (int q = m.start[pick]; q < m.start[pick + 1]; q++) {
        int j = m.nb[q];
        d[j] -= sp * (1 - 2 * t.x[j]) * m.w[q];
      }
    }
    return out;
  }

  /**
   * Palubeckis' roulette weights from the gains' range: 1 − d/dMin for losses (0 for the worst),
   * 1 + λ·d/dMax for gains, all 1 when every gain is the same. Divisions are hoisted: this runs
   * k·n times per restart.
   */
  private static final class Weights {
    private final boolean flat;
    private final boolean zeroFloor;
    private final double invMin;
    private final double gainScale;

    Weights(double dMin, double dMax) {
      flat = dMax - dMin < 1e-6;
      zeroFloor = dMin == 0;
      invMin = dMin < 0 ? 1 / dMin : 0;
      gainScale = dMax > 0 ? LAMBDA / dMax : 0;
    }

    double of(double d) {
      if (flat) {
        return 1;
      }
      if (d < 0 || (d == 0 && !zeroFloor)) {
        return 1 - d * invMin;
      }
      return d == 0 ? 0 : 1 + d * gainScale;
    }
  }

  /** Decides, one picked variable at a time (the most decisive first), which to flip. */
  static int[] steepestAscent(FlipTabu t, double[] delta, int[] picked) {
    BinaryForm m = t.m;
    boolean[] open = new boolean[t.n];
    for (int i : picked) {
      open[i] = true;
    }
    double[] h1 = new double[t.n];
    double[] h2 = new double[t.n];
    for (int i : picked) {
      h1[i] = -delta[i];
      int si = 1 - 2 * t.x[i];
      for (int q = m.start[i]; q < m.start[i + 1]; q++) {
        int l = m.nb[q];
        if (open[l]) {
          h2[i] -= si * (1 - 2 * t.x[l]) * m.w[q];
        }
      }
    }
    int[] flips = new int[picked.length];
    int count = 0;
    for (int step = 0; step < picked.length; step++) {
      double v1 = Double.NEGATIVE_INFINITY;
      double v2 = Double.NEGATIVE_INFINITY;
      int j = -1;
      boolean flipJ = false;
      for (int i : picked) {
        if (!open[i]) {
          continue;
        }
        double q1 = 2 * h1[i] + h2[i];
        double q2 = h1[i];
        boolean f = q1 > 0 || (q1 == 0 && q2 >= 0);
        if (!f) {
          q1 = -q1;
          q2 = -q2;
        }
        if (q1 > v1 || (q1 == v1 && q2 > v2)) {
          v1 = q1;
          v2 = q2;
          j = i;
          flipJ = f;
        }
      }
      open[j] = false;
      if (flipJ) {
        flips[count++] = j;
      }
      int sj = 1 - 2 * t.x[j];
      for (int q = m.start[j]; q < m.start[j + 1]; q++) {
        int l = m.nb[q];
        if (open[l]) {
          double c = -sj * (1 - 2 * t.x[l]) * m.w[q];
          h2[l] -= c;
          if (flipJ) {
            h1[l] += c;
          }
        }
      }
    }
    return java.util.Arrays.copyOf(flips, count);
  }
}
