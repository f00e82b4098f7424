package io.qprune.formulation.capacity;

import io.qprune.api.InvalidInputException;

/**
 * Settings of the exact-k stage: the mode, the most bisection steps, and the swap polish (on or
 * off, and its most swaps).
 */
public record CapacityOptions(ExactK mode, int maxSteps, boolean polish, int maxSwaps) {
  public CapacityOptions {
    if (mode == null) {
      throw new InvalidInputException("The exact-k mode must be given");
    }
    if (maxSteps < 1 || maxSwaps < 0) {
      throw new InvalidInputException("Need max_steps >= 1 and max_swaps >= 0, got "
          + maxSteps + " and " + maxSwaps);
    }
  }

  /** Bisection, at most 30 steps, polish on with at most 10 000 swaps. */
  public static CapacityOptions defaults() {
    return new CapacityOptions(ExactK.SEARCH, 30, true, 10_000);
  }

  public CapacityOptions withMode(ExactK m) {
    return new CapacityOptions(m, maxSteps, polish, maxSwaps);
  }

  public CapacityOptions withPolish(boolean p) {
    return new CapacityOptions(mode, maxSteps, p, maxSwaps);
  }
}
