package io.qprune.solvers.local.sa;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Rng;

/**
 * The fast path for models with whole-number biases: int local fields, and the Metropolis test
 * read from a per-beta table of acceptance thresholds instead of calling {@code exp}.
 */
final class IntAnnealer implements Annealer {
  /** ln(2^64): a flip costing more than this / beta is accepted with probability below 2^-64. */
  static final double SKIP = 44.36142;
  private static final long U32 = 1L << 32;
  private final int n;
  private final int[] lin;
  private final int[] start;
  private final int[] nb;
  private final int[] w;
  private final int[] dense; // n*n row-major weights, or null for the sparse layout
  private final int maxDelta;
  private final int tableMax;
  /** No table above this many costs: its memory would not pay. */
  private static final int TABLE_CAP = 1 << 22;
  /** The one weight every interaction has (unweighted graphs), or 0 when they differ. */
  private final int uniform;

  IntAnnealer(BinaryForm m, int[] dense) {
    this.n = m.n;
    this.lin = m.linInt;
    this.start = m.start;
    this.nb = m.nb;
    this.w = m.wInt;
    this.dense = dense;
    this.maxDelta = (int) m.maxField;
    this.tableMax = Math.max(64, n / 2);
    int u = w.length > 0 ? w[0] : 0;
    for (int v : w) {
      if (v != u) {
        u = 0;
        break;
      }
    }
    this.uniform = u;
  }

  @Override
  public long anneal(byte[] x, BetaSchedule.Betas betas, int sweepsPerBeta, long seed, Deadline stop) {
    int[] field = new int[n];
    int[] sgn = new int[n];
    for (int i = 0; i < n; i++) {
      int f = lin[i];
      for (int k = start[i]; k < start[i + 1]; k++) {
        f += x[nb[k]] * w[k];
      }
      field[i] = f;
      sgn[i] = x[i] == 0 ? 1 : -1;
    }
    long[] table = maxDelta <= TABLE_CAP ? newTable() : null;
    int filled = 0;
    long rng = seed;
    int checkEvery = Math.max(1, (1 << 16) / Math.max(1, n));
    long sweeps = 0;
    schedule:
    for (int b = 0; b < betas.count(); b++) {
      double beta = betas.beta(b);
      int thr = threshold(beta);
      // a table pays when filling it (up to the largest cost still accepted) is cheap next to a sweep
      boolean tabled = table != null && Math.min(maxDelta, Math.max(filled, reach(beta))) <= tableMax;
      if (tabled) {
        filled = fillTable(table, beta, filled);
      }
      for (int s = 0; s < sweepsPerBeta; s++) {
        if (sweeps % checkEvery == 0 && stop.passed()) {
          break schedule;
        }
        rng = tabled ? sweepTable(field, sgn, table, rng) : sweepExp(field, sgn, thr, beta, rng);
        sweeps++;
      }
    }
    quench(field, sgn);
    for (int i = 0; i < n; i++) {
      x[i] = (byte) (sgn[i] < 0 ? 1 : 0);
    }
    return sweeps;
  }

  /** The smallest flip cost never accepted at this beta (at most maxDelta + 1). */
  private int threshold(double beta) {
    double t = Math.ceil(SKIP / beta);
    return t > maxDelta ? maxDelta + 1 : Math.max(1, (int) t);
  }

  /** A table for costs in [−maxDelta, maxDelta]: always for costs ≤ 0, never (−1) above. */
  private long[] newTable() {
    long[] table = new long[2 * maxDelta + 1];
    java.util.Arrays.fill(table, 0, maxDelta + 1, U32 - 1);
    java.util.Arrays.fill(table, maxDelta + 1, table.length, -1L);
    return table;
  }

  /** The largest cost a 32-bit draw can still accept at this beta: exp(−beta·d)·2^32 ≥ 1. */
  private static int reach(double beta) {
    double d = 32 * Math.log(2) / beta;
    return d >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) d;
  }

  /**
   * Sets the acceptance thresholds of the costs d in [1, maxDelta] (index d + maxDelta) for
   * 32-bit uniform random numbers u: the flip is taken when u ≤ entry, so the probability is
   * {@code floor(exp(−beta·d)·2^32) / 2^32} (within 2^-32 of Metropolis) and −1 never flips.
   * Powers of exp(−beta) replace one exp per entry; entries beyond this beta's reach that an
   * earlier, hotter beta set are reset, later ones are −1 already. Returns the last entry set to
   * something other than −1.
   */
  private int fillTable(long[] table, double beta, int filled) {
    int off = maxDelta;
    double r = Math.exp(-beta);
    double p = U32;
    int last = 0;
    for (int d = 1; d <= maxDelta; d++) {
      p *= r;
      long entry = (long) p - 1;
      table[d + off] = entry;
      if (entry >= 0) {
        last = d;
      } else if (d > filled) {
        break;
      }
    }
    return last;
  }

  // The sweep loops below are the hot path, kept long on purpose: one Metropolis test per variable,
  // the PRNG (SplitMix64, as Rng) inlined on a local long, each 64-bit draw split into two 32-bit
  // uniforms for two consecutive variables, and the flip's field updates inlined.
  private long sweepTable(int[] field, int[] sgn, long[] table, long rng) {
    if (dense != null) {
      return sweepTableDense(field, sgn, table, rng);
    }
    final int off = maxDelta;
    final int uniform = this.uniform;
    final int[] start = this.start;
    final int[] nb = this.nb;
    final int[] w = this.w;
    final int len = field.length;
    for (int i = 0; i < len; i += 2) {
      rng += Rng.GOLDEN;
      long z = rng;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      int m = sgn[i];
      if ((z & 0xFFFFFFFFL) <= table[m * field[i] + off]) {
        sgn[i] = -m;
        if (uniform != 0) {
          int mw = m * uniform;
          for (int k = start[i], e = start[i + 1]; k < e; k++) {
            field[nb[k]] += mw;
          }
        } else {
          for (int k = start[i], e = start[i + 1]; k < e; k++) {
            field[nb[k]] += m * w[k];
          }
        }
      }
      int j = i + 1;
      if (j < len) {
        m = sgn[j];
        if ((z >>> 32) <= table[m * field[j] + off]) {
          sgn[j] = -m;
          if (uniform != 0) {
            int mw = m * uniform;
            for (int k = start[j], e = start[j + 1]; k < e; k++) {
              field[nb[k]] += mw;
            }
          } else {
            for (int k = start[j], e = start[j + 1]; k < e; k++) {
              field[nb[k]] += m * w[k];
            }
          }
        }
      }
    }
    return rng;
  }

  private long sweepTableDense(int[] field, int[] sgn, long[] table, long rng) {
    final int off = maxDelta;
    final int len = field.length;
    for (int i = 0; i < len; i += 2) {
      rng += Rng.GOLDEN;
      long z = rng;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      if ((z & 0xFFFFFFFFL) <= table[sgn[i] * field[i] + off]) {
        flip(i, field, sgn);
      }
      if (i + 1 < len && (z >>> 32) <= table[sgn[i + 1] * field[i + 1] + off]) {
        flip(i + 1, field, sgn);
      }
    }
    return rng;
  }

  private long sweepExp(int[] field, int[] sgn, int thr, double beta, long rng) {
    for (int i = 0; i < n; i++) {
      int d = sgn[i] * field[i];
      if (d >= thr) {
        continue;
      }
      if (d > 0) {
        rng += Rng.GOLDEN;
        long z = rng;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        if ((z >>> 11) * 0x1p-53 >= Math.exp(-beta * d)) {
          continue;
        }
      }
      flip(i, field, sgn);
    }
    return rng;
  }

  private void flip(int i, int[] field, int[] sgn) {
    int m = sgn[i];
    sgn[i] = -m;
    if (dense != null) {
      int row = i * n;
      for (int j = 0; j < n; j++) {
        field[j] += m * dense[row + j];
      }
    } else {
      for (int k = start[i], e = start[i + 1]; k < e; k++) {
        field[nb[k]] += m * w[k];
      }
    }
  }

  /** Zero-temperature sweeps until no single flip lowers the energy. */
  private void quench(int[] field, int[] sgn) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < n; i++) {
        if (sgn[i] * field[i] < 0) {
          flip(i, field, sgn);
          changed = true;
        }
      }
    }
  }
}
