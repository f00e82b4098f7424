package io.qprune.api.blackbox;

import io.qprune.api.Cancellation;
import io.qprune.api.InvalidInputException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How one optimisation runs, whatever the optimiser: the evaluation budget (distinct points
 * evaluated), the seed, an optional cancellation token, a progress listener, and checkpointing —
 * every {@code checkpointEvery} iterations the optimiser hands its whole state (bytes in its own
 * format) to {@code checkpoints}; a run given those bytes as {@code resumeFrom} continues exactly
 * where that one stopped and ends as an uninterrupted run with the same seed would.
 */
public record BlackBoxRun(long budget, long seed, Cancellation cancellation, Listener listener,
    int checkpointEvery, Consumer<byte[]> checkpoints, byte[] resumeFrom) {

  /** The sink a run without checkpoints gets; optimisers may skip serialising for it. */
  public static final Consumer<byte[]> NO_CHECKPOINTS = b -> { };

  /** Receives the state after each iteration. */
  @FunctionalInterface
  public interface Listener {
    void iteration(int iteration, long evaluations, double best);
  }

  public BlackBoxRun {
    if (budget < 1) {
      throw new InvalidInputException("The evaluation budget must be >= 1, got " + budget);
    }
    if (checkpointEvery < 1) {
      throw new InvalidInputException("checkpointEvery must be >= 1, got " + checkpointEvery);
    }
    cancellation = cancellation == null ? Cancellation.create() : cancellation;
    listener = listener == null ? (i, e, b) -> { } : listener;
    checkpoints = checkpoints == null ? NO_CHECKPOINTS : checkpoints;
  }

  /** A budget and a seed; no listener, no checkpoints. */
  public static BlackBoxRun of(long budget, long seed) {
    return new BlackBoxRun(budget, seed, null, null, 1, null, null);
  }

  public BlackBoxRun withListener(Listener l) {
    return new BlackBoxRun(budget, seed, cancellation, l, checkpointEvery, checkpoints, resumeFrom);
  }

  public BlackBoxRun withCancellation(Cancellation c) {
    return new BlackBoxRun(budget, seed, c, listener, checkpointEvery, checkpoints, resumeFrom);
  }

  /** Hands the optimiser's state to {@code sink} every {@code every} iterations. */
  public BlackBoxRun withCheckpoints(int every, Consumer<byte[]> sink) {
    return new BlackBoxRun(budget, seed, cancellation, listener, every, sink, resumeFrom);
  }

  /** Continues from a state an earlier run of the same optimiser, problem and seed handed out. */
  public BlackBoxRun resumingFrom(byte[] state) {
    return new BlackBoxRun(budget, seed, cancellation, listener, checkpointEvery, checkpoints,
        state == null ? null : state.clone());
  }

  /** Whether a checkpoint sink was given (so serialising the state is worth its cost). */
  public boolean wantsCheckpoints() {
    return checkpoints != NO_CHECKPOINTS;
  }

  public Optional<byte[]> resume() {
    return Optional.ofNullable(resumeFrom == null ? null : resumeFrom.clone());
  }
}
