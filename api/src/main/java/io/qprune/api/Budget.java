package io.qprune.api;

/** A running solve's clock: elapsed time, and whether the time limit or a cancellation says stop. */
public final class Budget {
  private final long startNanos;
  private final long limitNanos;
  private final Cancellation cancellation;

  Budget(long startNanos, long limitNanos, Cancellation cancellation) {
    this.startNanos = startNanos;
    this.limitNanos = limitNanos;
    this.cancellation = cancellation;
  }

  /** An unlimited budget started now. */
  public static Budget unlimited() {
    return new Budget(System.nanoTime(), Long.MAX_VALUE, null);
  }

  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  public double elapsedSeconds() {
    return elapsedNanos() / 1e9;
  }

  public boolean hasTimeLimit() {
    return limitNanos != Long.MAX_VALUE;
  }

  /** Nanoseconds left (Long.MAX_VALUE without a limit). */
  public long remainingNanos() {
    return hasTimeLimit() ? limitNanos - elapsedNanos() : Long.MAX_VALUE;
  }

  public boolean isCancelled() {
    return cancellation != null && cancellation.isCancelled();
  }

  /** Whether the solver should stop now: time is up or the caller cancelled. */
  public boolean exhausted() {
    return isCancelled() || (hasTimeLimit() && elapsedNanos() >= limitNanos);
  }
}
