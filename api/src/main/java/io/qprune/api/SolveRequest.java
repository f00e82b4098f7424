package io.qprune.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How one solve call runs, whatever the solver: an optional wall-time limit, the seed (always
 * set, so every run can be repeated), an optional cancellation token and an optional
 * exact-cardinality constraint.
 */
public record SolveRequest(Duration timeLimit, long seed, Cancellation cancellation,
    Cardinality cardinality) {

  public SolveRequest {
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
      throw new InvalidInputException("Time limit must be positive, got " + timeLimit);
    }
  }

  /** No limit, a fresh random seed, no cancellation, no constraint. */
  public static SolveRequest defaults() {
    return new SolveRequest(null, ThreadLocalRandom.current().nextLong() >>> 1, null, null);
  }

  /** Defaults with the given seed. */
  public static SolveRequest seeded(long seed) {
    return new SolveRequest(null, seed, null, null);
  }

  public SolveRequest withTimeLimit(Duration limit) {
    return new SolveRequest(limit, seed, cancellation, cardinality);
  }

  /** With a time limit in seconds (fractions allowed). */
  public SolveRequest withTimeLimitSeconds(double seconds) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new InvalidInputException("Time limit must be a positive number of seconds, got " + seconds);
    }
    return withTimeLimit(Duration.ofNanos((long) (seconds * 1e9)));
  }

  public SolveRequest withSeed(long newSeed) {
    return new SolveRequest(timeLimit, newSeed, cancellation, cardinality);
  }

  public SolveRequest withCancellation(Cancellation c) {
    return new SolveRequest(timeLimit, seed, c, cardinality);
  }

  public SolveRequest withCardinality(Cardinality c) {
    return new SolveRequest(timeLimit, seed, cancellation, c);
  }

  public Optional<Duration> timeLimitOptional() {
    return Optional.ofNullable(timeLimit);
  }

  /** Starts the clock of this request: solvers poll the returned budget in their loops. */
  public Budget startBudget() {
    return new Budget(System.nanoTime(), timeLimit == null ? Long.MAX_VALUE : timeLimit.toNanos(),
        cancellation);
  }
}
