package io.qprune.solvers.local.tabu;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Rng;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Single-flip tabu search (Palubeckis' STS): each move flips the non-tabu variable with the
 * lowest energy change, or any variable, tabu or not, whose flip gives a new best state
 * (aspiration), after which a 1-flip descent polishes that state. A flipped variable stays tabu
 * for {@code tenure} moves plus a random extra of up to half that (at least 2), which breaks the
 * cycles a fixed tenure falls into on small models. Energy changes of all flips are kept up to
 * date incrementally.
 */
final class FlipTabu extends TabuRun {
  private final double[] delta;
  /** 0 for free variables, {@link #TABU} for tabu ones: added to the cost in the scan. */
  private final double[] penalty;
  /** 1 − 2x as a double, so updates need no branch on x. */
  private final double[] sign;
  private final int tenure;
  private static final double TABU = 1e300;

  FlipTabu(BinaryForm m, byte[] start, Rng rng, Deadline stop, double target,
      AtomicBoolean targetHit, int tenure) {
    super(m, start, rng, stop, target, targetHit);
    this.tenure = tenure;
    this.delta = new double[n];
    this.penalty = new double[n];
    this.sign = new double[n];
    double[] f = new double[n];
    m.fields(x, f);
    for (int i = 0; i < n; i++) {
      sign[i] = x[i] == 0 ? 1 : -1;
      delta[i] = sign[i] * f[i];
    }
  }

  @Override
  void search(long zmax) {
    if (n == 0) {
      return;
    }
    java.util.Arrays.fill(penalty, 0.0);
    int cap = tenure + Math.max(3, tenure / 2) + 2;
    int[] tabuVar = new int[cap]; // the tabu variables (few: at most about the tenure)
    long[] tabuEnd = new long[cap]; // the move from which each is free again
    int tabuCount = 0;
    long z = 0;
    long iter = 0;
    int poll = pollEvery();
    while (z < zmax) {
      if (iter % poll == 0 && shouldStop()) {
        return;
      }
      for (int q = tabuCount - 1; q >= 0; q--) {
        if (tabuEnd[q] <= iter) {
          penalty[tabuVar[q]] = 0.0;
          tabuCount--;
          tabuVar[q] = tabuVar[tabuCount];
          tabuEnd[q] = tabuEnd[tabuCount];
        }
      }
      // hot loop: the best non-tabu flip; tabu flips carry a huge penalty, so one pass, one branch
      int r = -1;
      double v = Double.POSITIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        double d = delta[k] + penalty[k];
        if (d < v) {
          v = d;
          r = k;
        }
      }
      z += n;
      // aspiration: a tabu flip that gives a new best state wins
      double bar = bestEnergy - energy - 1e-9 * (1 + Math.abs(bestEnergy));
      boolean aspire = v < bar;
      int taken = -1;
      for (int q = 0; q < tabuCount; q++) {
        int t = tabuVar[q];
        if (delta[t] < bar && delta[t] < v) {
          v = delta[t];
          r = t;
          taken = q;
          aspire = true;
        }
      }
      if (r < 0) {
        iter++;
        continue;
      }
      flip(r);
      if (aspire) {
        z += descend();
        record();
      }
      if (tenure > 0) {
        // a random extra of up to half the tenure breaks the cycles a fixed tenure can fall into
        long end = iter + 1 + tenure + rng.nextInt(Math.max(3, tenure / 2));
        int q = taken >= 0 ? taken : tabuCount++;
        tabuVar[q] = r;
        tabuEnd[q] = end;
        penalty[r] = TABU;
      }
      iter++;
    }
  }

  /** Flips variable r, updating the energy and every neighbour's flip cost. */
  void flip(int r) {
    energy += delta[r];
    double sr = sign[r]; // +1: r goes 0 -> 1
    x[r] ^= 1;
    sign[r] = -sr;
    delta[r] = -delta[r];
    int[] start = m.start;
    int[] nb = m.nb;
    double[] w = m.w;
    double[] sign = this.sign;
    for (int k = start[r], e = start[r + 1]; k < e; k++) {
      int j = nb[k];
      delta[j] += sr * sign[j] * w[k]; // branch-free: which way j would flip is random here
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
  void load(byte[] state) {
    System.arraycopy(state, 0, x, 0, n);
    double[] f = new double[n];
    m.fields(x, f);
    for (int i = 0; i < n; i++) {
      sign[i] = x[i] == 0 ? 1 : -1;
      delta[i] = sign[i] * f[i];
    }
    energy = m.energy(x);
  }

  @Override
  void perturb() {
    Perturbation.apply(this, delta);
  }
}
