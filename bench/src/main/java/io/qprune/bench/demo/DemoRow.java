package io.qprune.bench.demo;

import io.qprune.formulation.model.Mask;

/**
 * One line of the demo's table: a method at a sparsity (the unit count it was asked for) or at a
 * FLOPs budget ({@code flopsBudget}, the fraction of the unpruned FLOPs; NaN for unit-count rows),
 * what it kept and its test scores.
 */
public record DemoRow(String method, double sparsity, double flopsBudget, int kept, int units,
    double paramsFraction, double flopsFraction, double testPsnr, double testSsim, double seconds, Mask mask) {
  /** Whether the row was pruned to a FLOPs budget rather than a unit count. */
  public boolean budgeted() {
    return !Double.isNaN(flopsBudget);
  }
}
