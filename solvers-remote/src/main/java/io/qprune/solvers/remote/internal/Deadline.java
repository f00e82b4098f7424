package io.qprune.solvers.remote.internal;

import io.qprune.api.Budget;
import java.time.Duration;

/**
 * The clock of one remote solve: the caller's cancellation token, and a hard deadline (the time
 * limit, stretched to the service's minimum run time, plus grace) after which the job is cancelled.
 */
public final class Deadline {
  private static final long SLICE_NANOS = 10_000_000L;
  private final Budget budget;
  private final long hardAt; // System.nanoTime() value, or Long.MAX_VALUE
  private final String description;

  private Deadline(Budget budget, long hardAt, String description) {
    this.budget = budget;
    this.hardAt = hardAt;
    this.description = description;
  }

  /** No hard deadline (cancellation still applies). */
  public static Deadline open(Budget budget) {
    return new Deadline(budget, Long.MAX_VALUE, "no time limit");
  }

  /** A fresh deadline {@code d} from now that no cancellation interrupts (for clean-up calls). */
  public static Deadline within(Duration d) {
    return new Deadline(Budget.unlimited(), System.nanoTime() + d.toNanos(), d.toMillis() / 1e3 + " s");
  }

  /**
   * The deadline for a request's budget: none without a time limit; else the later of the limit
   * and {@code serviceRun} from now, plus {@code grace}.
   */
  public static Deadline of(Budget budget, Duration serviceRun, Duration grace) {
    if (!budget.hasTimeLimit()) {
      return open(budget);
    }
    long now = System.nanoTime();
    long limit = budget.remainingNanos();
    long run = Math.max(limit, serviceRun == null ? 0 : serviceRun.toNanos());
    String text = String.format(java.util.Locale.ROOT, "the time limit (%.3g s left at submission)%s plus deadline_grace %.3g s",
        limit / 1e9, run > limit ? String.format(java.util.Locale.ROOT, " raised to the service's run time %.3g s", run / 1e9) : "",
        grace.toNanos() / 1e9);
    return new Deadline(budget, now + Math.max(0, run) + grace.toNanos(), text);
  }

  /** How the deadline was set, for messages. */
  public String describe() {
    return description;
  }

  public boolean isCancelled() {
    return budget.isCancelled();
  }

  public boolean isExpired() {
    return hardAt != Long.MAX_VALUE && System.nanoTime() - hardAt >= 0;
  }

  /** Nanoseconds to the hard deadline (Long.MAX_VALUE without one). */
  public long remainingNanos() {
    return hardAt == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, hardAt - System.nanoTime());
  }

  /** Seconds the solve has been running. */
  public double elapsedSeconds() {
    return budget.elapsedSeconds();
  }

  /** Throws a {@link StopSignal} if the caller cancelled or the deadline passed. */
  public void check() {
    if (isCancelled()) {
      throw new StopSignal(StopSignal.Reason.CANCELLED);
    }
    if (isExpired()) {
      throw new StopSignal(StopSignal.Reason.EXPIRED);
    }
  }

  /** Sleeps in short slices, so that a cancellation or the deadline interrupts the wait. */
  public void sleep(Duration d) {
    long end = System.nanoTime() + d.toNanos();
    check();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(left, SLICE_NANOS) / 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StopSignal(StopSignal.Reason.CANCELLED);
      }
      check();
    }
  }
}
