package io.qprune.solvers.local.tabu;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Rng;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Single-flip tabu search (Palubeckis' STS): each move flips the non-tabu variable with the
 * lowest energy change, or any variable, tabu or not, whose flip gives a new best state
 * (aspiration), after which a 1-flip descent polishes that state. A flipped variable stays tabu
 * for {@code tenure} moves. Energy changes of all flips are kept up to date incrementally.
 */
final class FlipTabu extends TabuRun {
  private final double[] delta;
  private final long[] tabuUntil;
  private final int tenure;
  private long iter;

  FlipTabu(BinaryForm m, byte[] start, Rng rng, Deadline stop, double target,
      AtomicBoolean targetHit, int tenure) {
    super(m, start, rng, stop, target, targetHit);
    this.tenure = tenure;
    this.delta = new double[n];
    this.tabuUntil = new long[n];
    double[] f = new double[n];
    m.fields(x, f);
    for (int i = 0; i < n; i++) {
      delta[i] = x[i] == 0 ? f[i] : -f[i];
    }
  }

  @Override
  void search(long zmax) {
    if (n == 0) {
      return;
    }
    java.util.Arrays.fill(tabuUntil, 0);
    iter = 0;
    long z = 0;
    int poll = pollEvery();
    while (z < zmax) {
      if (iter % poll == 0 && shouldStop()) {
        return;
      }
      double bar = bestEnergy - energy - 1e-9 * (1 + Math.abs(bestEnergy));
      int r = -1;
      double v = Double.POSITIVE_INFINITY;
      boolean aspire = false;
      // hot loop: one pass over all flips per move
      for (int k = 0; k < n; k++) {
        double d = delta[k];
        if (d < bar) {
          r = k;
          aspire = true;
          break;
        }
        if (d < v && tabuUntil[k] <= iter) {
          v = d;
          r = k;
        }
      }
      z += n;
      if (r < 0) {
        iter++;
        continue;
      }
      flip(r);
      if (aspire) {
        z += descend();
        record();
      }
      tabuUntil[r] = iter + tenure + 1;
      iter++;
    }
  }

  /** Flips variable r, updating the energy and every neighbour's flip cost. */
  void flip(int r) {
    energy += delta[r];
    int sr = x[r] == 0 ? 1 : -1; // +1: r goes 0 -> 1
    x[r] ^= 1;
    delta[r] = -delta[r];
    int[] start = m.start;
    int[] nb = m.nb;
    double[] w = m.w;
    for (int k = start[r], e = start[r + 1]; k < e; k++) {
      int j = nb[k];
      delta[j] += x[j] == 0 ? sr * w[k] : -sr * w[k];
    }
    moves++;
  }

  /** First-improvement 1-flip descent; returns the evaluations spent. */
  private long descend() {
    long z = 0;
    boolean improved = true;
    while (improved) {
      improved = false;
      for (int k = 0; k < n; k++) {
        if (delta[k] < -1e-9 * (1 + Math.abs(energy))) {
          flip(k);
          improved = true;
        }
      }
      z += n;
    }
    return z;
  }

  @Override
  void perturb() {
    Perturbation.apply(this, delta);
  }
}
