package io.qprune.api.blackbox;

import java.util.List;

/**
 * What an optimisation found: the best point and value, how many distinct points were evaluated,
 * the iterations run, why it stopped, and the best-so-far trace (one entry per improvement).
 */
public record BlackBoxResult(int[] best, double bestValue, long evaluations, int iterations,
    String stopReason, double seconds, List<Improvement> trace) {

  /** The best value reached after {@code evaluations} distinct evaluations. */
  public record Improvement(long evaluations, double value) {}

  public BlackBoxResult {
    best = best.clone();
    trace = List.copyOf(trace);
  }

  @Override
  public int[] best() {
    return best.clone();
  }
}
