package io.qprune.api.testing;

import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;

/** An independent, deliberately simple oracle: the minimum energy by trying every assignment. */
public final class BruteForce {
  private BruteForce() {}

  /** The minimum energy over all assignments (n ≤ 22). */
  public static double minimum(Qubo q) {
    return minimum(q, null);
  }

  /** The minimum energy over the assignments that satisfy the constraint (null: all). */
  public static double minimum(Qubo q, Cardinality c) {
    int n = q.numVariables();
    if (n > 22) {
      throw new IllegalArgumentException("brute force is for n <= 22, got " + n);
    }
    double best = Double.POSITIVE_INFINITY;
    int[] x = new int[n];
    for (long m = 0; m < (1L << n); m++) {
      for (int i = 0; i < n; i++) {
        x[i] = q.vartype().value((m >>> i & 1) != 0);
      }
      if (c != null && !c.isSatisfiedBy(x, q.vartype())) {
        continue;
      }
      best = Math.min(best, q.energy(x));
    }
    return best;
  }
}
