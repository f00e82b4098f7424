package io.qprune.solvers.local.sa;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Rng;

/** Simulated annealing for models with real-valued biases: double local fields and {@code exp}. */
final class DoubleAnnealer implements Annealer {
  private final int n;
  private final double[] lin;
  private final int[] start;
  private final int[] nb;
  private final double[] w;
  private final double[] dense; // n*n row-major weights, or null for the sparse layout

  DoubleAnnealer(BinaryForm m, double[] dense) {
    this.n = m.n;
    this.lin = m.lin;
    this.start = m.start;
    this.nb = m.nb;
    this.w = m.w;
    this.dense = dense;
  }

  @Override
  public long anneal(byte[] x, BetaSchedule.Betas betas, int sweepsPerBeta, long seed, Deadline stop) {
    double[] field = new double[n];
    double[] sgn = new double[n];
    fields(x, field);
    for (int i = 0; i < n; i++) {
      sgn[i] = x[i] == 0 ? 1 : -1;
    }
    long rng = seed;
    int checkEvery = Math.max(1, (1 << 16) / Math.max(1, n));
    long sweeps = 0;
    schedule:
    for (int b = 0; b < betas.count(); b++) {
      double beta = betas.beta(b);
      double thr = IntAnnealer.SKIP / beta;
      for (int s = 0; s < sweepsPerBeta; s++) {
        if (sweeps % checkEvery == 0 && stop.passed()) {
          break schedule;
        }
        rng = sweep(field, sgn, thr, beta, rng);
        sweeps++;
      }
    }
    for (int i = 0; i < n; i++) {
      x[i] = (byte) (sgn[i] < 0 ? 1 : 0);
    }
    fields(x, field); // drop the rounding error the incremental updates collected
    quench(field, sgn);
    for (int i = 0; i < n; i++) {
      x[i] = (byte) (sgn[i] < 0 ? 1 : 0);
    }
    return sweeps;
  }

  private void fields(byte[] x, double[] field) {
    for (int i = 0; i < n; i++) {
      double f = lin[i];
      for (int k = start[i]; k < start[i + 1]; k++) {
        f += x[nb[k]] * w[k];
      }
      field[i] = f;
    }
  }

  // Hot path: one Metropolis test per variable, PRNG inlined on a local long (as Rng).
  private long sweep(double[] field, double[] sgn, double thr, double beta, long rng) {
    for (int i = 0; i < n; i++) {
      double d = sgn[i] * field[i];
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

  private void flip(int i, double[] field, double[] sgn) {
    double m = sgn[i];
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

  /**
   * Zero-temperature sweeps until no flip lowers the energy by more than rounding noise; the
   * bound on passes guards against cycling on ties blurred by rounding.
   */
  private void quench(double[] field, double[] sgn) {
    for (int pass = 0; pass < 1000; pass++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (sgn[i] * field[i] < -1e-12 * (1 + Math.abs(field[i]))) {
          flip(i, field, sgn);
          changed = true;
        }
      }
      if (!changed) {
        return;
      }
    }
  }
}
