package io.qprune.solvers.local.internal;

import io.qprune.api.Budget;

/**
 * The lowest-energy state any chain of a replica method has visited, with when it was first
 * reached, and whether a target energy has been reached.
 */
public final class Incumbent {
  private final Budget budget;
  private final Double target;
  private double energy = Double.POSITIVE_INFINITY;
  private byte[] bits;
  private double seconds = Double.NaN;

  public Incumbent(Budget budget, Double target) {
    this.budget = budget;
    this.target = target;
  }

  /** Keeps the chain's state when it is lower than the incumbent (by more than rounding). */
  public void offer(Replica c) {
    double e = c.energy();
    if (bits == null || e < energy - 1e-9 * Math.max(1, Math.abs(energy))) {
      energy = e;
      bits = c.bits().clone();
      seconds = budget.elapsedSeconds();
    }
  }

  /** Whether the target energy was given and reached. */
  public boolean reachedTarget() {
    return target != null && energy <= target + 1e-9 * Math.max(1, Math.abs(target));
  }

  public double energy() {
    return energy;
  }

  /** The state as a result row (read index 0). */
  public Found found(BinaryForm m) {
    return new Found(bits.clone(), m.energy(bits), seconds, 0);
  }
}
