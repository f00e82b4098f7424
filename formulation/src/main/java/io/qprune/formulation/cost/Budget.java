package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;

/**
 * A compute budget: keep at most {@code fraction} of the unpruned network's {@code kind} (FLOPs,
 * parameters), and at least {@code fraction·(1 − tolerance)} of it, so that methods compared at
 * one budget really spend the same.
 */
public record Budget(CostKind kind, double fraction, double tolerance) {
  /** The default tolerance: 1 % of the budget. */
  public static final double DEFAULT_TOLERANCE = 0.01;

  public Budget {
    if (kind == null) {
      throw new InvalidInputException("A budget needs a kind (flops or params)");
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new InvalidInputException("A " + kind + " budget is a fraction of the unpruned network in (0, 1],"
          + " got " + fraction);
    }
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new InvalidInputException("The budget tolerance must be in (0, 1), got " + tolerance);
    }
  }

  /** The most a mask may cost, given the unpruned cost {@code full}. */
  public double limit(double full) {
    return fraction * full;
  }

  /** The least a mask should cost (the budget minus its tolerance). */
  public double floor(double full) {
    return fraction * (1 - tolerance) * full;
  }

  /** Whether {@code cost} lies in [floor, limit] (with a relative rounding slack of 1e-12). */
  public boolean within(double cost, double full) {
    return cost <= limit(full) * (1 + 1e-12) && cost >= floor(full) * (1 - 1e-12);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s %.3g", kind, fraction);
  }
}
