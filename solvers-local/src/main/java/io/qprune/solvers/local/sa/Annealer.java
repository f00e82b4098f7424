package io.qprune.solvers.local.sa;

import io.qprune.solvers.local.internal.Deadline;

/** One simulated-annealing read: runs a beta schedule from a state, in place. */
interface Annealer {
  /**
   * Anneals x through {@code betas} ({@code sweepsPerBeta} sweeps each), then quenches it to a
   * local minimum. Returns the number of sweeps done (fewer when the deadline passed).
   */
  long anneal(byte[] x, BetaSchedule.Betas betas, int sweepsPerBeta, long seed, Deadline stop);
}
