package io.qprune.solvers.remote.internal;

import io.qprune.api.InvalidInputException;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently an idempotent call is repeated: up to {@code maxRetries} more
 * attempts, waiting {@code initial · 2^attempt} capped at {@code max}, scaled by a random factor in
 * {@code [1 - jitter, 1]}; a {@code Retry-After} from the service replaces the computed wait.
 */
public record RetryPolicy(int maxRetries, Duration initial, Duration max, double jitter) {

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new InvalidInputException("max_retries must be >= 0, got " + maxRetries);
    }
    if (initial.isNegative() || max.isNegative() || initial.compareTo(max) > 0) {
      throw new InvalidInputException("Retry backoff must satisfy 0 <= backoff_initial <= backoff_max; got "
          + initial.toMillis() / 1e3 + " s and " + max.toMillis() / 1e3 + " s");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new InvalidInputException("Retry jitter must be in [0, 1], got " + jitter);
    }
  }

  /** The wait before retry number {@code attempt} (0-based), or the service's Retry-After. */
  public Duration delay(int attempt, Duration retryAfter, DoubleSupplier random) {
    if (retryAfter != null) {
      return retryAfter;
    }
    double cap = max.toNanos();
    double d = Math.min(cap, initial.toNanos() * Math.pow(2, Math.min(attempt, 62)));
    d *= 1 - jitter * random.getAsDouble();
    return Duration.ofNanos((long) d);
  }
}
