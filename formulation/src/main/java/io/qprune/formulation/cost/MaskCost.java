package io.qprune.formulation.cost;

import io.qprune.formulation.model.Mask;
import java.util.Arrays;

/**
 * A cost of a keep-mask (FLOPs, parameters, ...) that budgeted pruning can both check exactly and
 * put into a QUBO: {@link #value} is the exact cost of any mask; {@link #around} is a quadratic
 * form that equals it at the reference mask and at every mask one flip away (everywhere, when the
 * cost itself is quadratic, as it is for {@link QuadraticCost}).
 */
public interface MaskCost {
  /** What is counted ("flops", "params", ...). */
  String name();

  /** The number of units (mask length). */
  int size();

  /** The exact cost of {@code keep} (one flag per unit). */
  double value(boolean[] keep);

  /** A quadratic form exact at {@code reference} and one flip from it. */
  QuadraticCost around(boolean[] reference);

  /**
   * How far {@code keep} is above this cost's further limits ({@link CappedCost}: the summed
   * relative excess over each cap), 0 when it meets them; plain costs have none.
   */
  default double capExcess(boolean[] keep) {
    return 0;
  }

  /**
   * The cost, or a cap's excess, after one swap at a fixed mask: unit {@code off} (kept) dropped
   * and unit {@code on} (pruned) kept. Valid while the mask it was made for is unchanged.
   */
  interface Swaps {
    double after(int off, int on);
  }

  /**
   * {@link #value} after each swap at {@code keep} ({@link Swaps}), for scans over many swaps of one
   * mask: costs with structure answer each in O(1) after O(size + pairs) set-up; this default
   * flips, evaluates and flips back ({@code keep} is restored after each call).
   */
  default Swaps swaps(boolean[] keep) {
    return (off, on) -> {
      keep[off] = false;
      keep[on] = true;
      double v = value(keep);
      keep[off] = true;
      keep[on] = false;
      return v;
    };
  }

  /** {@link #capExcess} after each swap at {@code keep}; plain costs have no caps (always 0). */
  default Swaps capExcessSwaps(boolean[] keep) {
    return (off, on) -> 0;
  }

  /** The cost of {@code mask}. */
  default double value(Mask mask) {
    return value(mask.toKeep());
  }

  /** The cost of keeping every unit. */
  default double total() {
    boolean[] all = new boolean[size()];
    Arrays.fill(all, true);
    return value(all);
  }
}
