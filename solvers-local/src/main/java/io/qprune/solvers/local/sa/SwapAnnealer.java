package io.qprune.solvers.local.sa;

import io.qprune.api.Cardinality;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Rng;
import io.qprune.solvers.local.internal.SwapMoves;
import io.qprune.solvers.local.internal.SwapSpace;

/**
 * Simulated annealing that keeps exactly k variables set (per group when grouped): every move
 * swaps a set variable i with a clear one j of its group, at cost {@code f_j − f_i − W_ij}. A
 * sweep is n attempted swaps; the start state must already keep the counts.
 */
final class SwapAnnealer implements Annealer {
  private final BinaryForm m;
  private final Cardinality card;

  SwapAnnealer(BinaryForm m, Cardinality card) {
    this.m = m;
    this.card = card;
  }

  @Override
  public long anneal(byte[] x, BetaSchedule.Betas betas, int sweepsPerBeta, long seed, Deadline stop) {
    int n = m.n;
    double[] field = new double[n];
    m.fields(x, field);
    SwapSpace space = SwapSpace.of(card, x);
    if (!space.canMove()) {
      return 0;
    }
    Rng rng = new Rng(seed);
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
        for (int a = 0; a < n; a++) {
          int i = space.randomOne(rng);
          int j = space.randomZeroBeside(i, rng);
          double d = field[j] - field[i] - m.weight(i, j);
          if (d >= thr || (d > 0 && rng.nextDouble() >= Math.exp(-beta * d))) {
            continue;
          }
          SwapMoves.apply(m, x, field, space, i, j);
        }
        sweeps++;
      }
    }
    m.fields(x, field);
    SwapMoves.descend(m, x, field, space, n);
    return sweeps;
  }
}
