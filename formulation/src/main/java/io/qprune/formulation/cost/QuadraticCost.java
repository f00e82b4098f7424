package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;

/**
 * A cost (FLOPs, parameters, predicted latency, ...) that is a quadratic pseudo-Boolean function
 * of the keep-mask {@code x} over {@code n} units, in the units' global order:
 * {@code cost(x) = constant + Σ_i linear[i]·x_i + Σ_k pairW[k]·x_{pairI[k]}·x_{pairJ[k]}}
 * with {@code pairI[k] != pairJ[k]}. A pair may appear more than once (its weights add).
 *
 * <p>This is the one neutral form every cost source produces (the network's own structure, a
 * measured latency table, a {@code --scores} file) and that the budgeted QUBO consumes: adding
 * {@code λ·cost(x)} to a QUBO keeps it a QUBO.
 */
public record QuadraticCost(
    String name, int n, double constant, double[] linear, int[] pairI, int[] pairJ, double[] pairW)
    implements MaskCost {

  public QuadraticCost {
    if (n < 0 || linear.length != n) {
      throw new InvalidInputException(name + " cost: " + linear.length
          + " linear coefficients for " + n + " units");
    }
    if (pairI.length != pairJ.length || pairI.length != pairW.length) {
      throw new InvalidInputException(name + " cost: pair arrays differ in length ("
          + pairI.length + ", " + pairJ.length + ", " + pairW.length + ")");
    }
    for (int k = 0; k < pairI.length; k++) {
      if (pairI[k] < 0 || pairI[k] >= n || pairJ[k] < 0 || pairJ[k] >= n || pairI[k] == pairJ[k]) {
        throw new InvalidInputException(name + " cost: pair " + k + " (" + pairI[k] + ", "
            + pairJ[k] + ") is not two distinct units of 0.." + (n - 1));
      }
      if (!Double.isFinite(pairW[k])) {
        throw new InvalidInputException(name + " cost: pair " + k + " has weight " + pairW[k]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(linear[i])) {
        throw new InvalidInputException(name + " cost: unit " + i + " has linear cost " + linear[i]);
      }
    }
    if (!Double.isFinite(constant)) {
      throw new InvalidInputException(name + " cost: constant is " + constant);
    }
    linear = linear.clone();
    pairI = pairI.clone();
    pairJ = pairJ.clone();
    pairW = pairW.clone();
  }

  @Override
  public int size() {
    return n;
  }

  /** Itself: a quadratic cost is its own quadratic form around any mask. */
  @Override
  public QuadraticCost around(boolean[] reference) {
    return this;
  }

  /** The cost of {@code keep} (one flag per unit). */
  @Override
  public double value(boolean[] keep) {
    if (keep.length != n) {
      throw new InvalidInputException(name + " cost: mask of " + keep.length + " units, cost of " + n);
    }
    double c = constant;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        c += linear[i];
      }
    }
    for (int k = 0; k < pairI.length; k++) {
      if (keep[pairI[k]] && keep[pairJ[k]]) {
        c += pairW[k];
      }
    }
    return c;
  }

  /**
   * O(1) per swap: with h_i = linear_i + Σ_{kept j paired with i} w_ij at {@code keep}, dropping
   * {@code off} and keeping {@code on} changes the cost by −h_off + h_on − w(off, on).
   */
  @Override
  public Swaps swaps(boolean[] keep) {
    double now = value(keep);
    double[] h = linear.clone();
    java.util.Map<Long, Double> w = new java.util.HashMap<>();
    for (int k = 0; k < pairI.length; k++) {
      int i = pairI[k];
      int j = pairJ[k];
      if (keep[j]) {
        h[i] += pairW[k];
      }
      if (keep[i]) {
        h[j] += pairW[k];
      }
      w.merge(key(Math.min(i, j), Math.max(i, j)), pairW[k], Double::sum);
    }
    return (off, on) -> now - h[off] + h[on] - w.getOrDefault(key(Math.min(off, on), Math.max(off, on)), 0.0);
  }

  private long key(int a, int b) {
    return (long) a * n + b;
  }

  /** This cost times {@code factor} (e.g. to express it as a fraction of {@link #total()}). */
  public QuadraticCost scaled(double factor) {
    double[] l = linear.clone();
    double[] w = pairW.clone();
    for (int i = 0; i < l.length; i++) {
      l[i] *= factor;
    }
    for (int k = 0; k < w.length; k++) {
      w[k] *= factor;
    }
    return new QuadraticCost(name, n, constant * factor, l, pairI, pairJ, w);
  }
}
