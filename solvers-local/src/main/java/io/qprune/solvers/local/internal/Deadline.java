package io.qprune.solvers.local.internal;

import io.qprune.api.Budget;

/** When a read must stop: the solve's budget (time limit, cancellation), or an earlier per-read end. */
public final class Deadline {
  private final Budget budget;
  private final long endNanos; // elapsed-time mark, Long.MAX_VALUE for none

  private Deadline(Budget budget, long endNanos) {
    this.budget = budget;
    this.endNanos = endNanos;
  }

  /** Stops with the budget. */
  public static Deadline of(Budget budget) {
    return new Deadline(budget, Long.MAX_VALUE);
  }

  /** Stops with the budget, or once {@code endNanos} have elapsed since the budget started. */
  public static Deadline until(Budget budget, long endNanos) {
    return new Deadline(budget, endNanos);
  }

  public boolean passed() {
    return budget.exhausted() || (endNanos != Long.MAX_VALUE && budget.elapsedNanos() >= endNanos);
  }

  public Budget budget() {
    return budget;
  }
}
