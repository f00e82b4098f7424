package io.qprune.formulation.qubo;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.formulation.importance.Normalisation;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;

/**
 * The older L1-QUBO: {@code E(x) = −Σ l̂_i x_i + A (Σ x_i − k)²} with l̂ the normalised filter L1
 * norms; the penalty weight A exceeds the total linear weight, so every point off the slice
 * Σx = k has a higher energy than every point on it.
 */
public final class L1PenaltyQubo {
  private L1PenaltyQubo() {}

  /** The smallest penalty weight the construction uses for these linear weights. */
  public static double penaltyWeight(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += Math.abs(w);
    }
    return sum + 1;
  }

  /** Builds the model keeping {@code k} units. */
  public static Qubo build(ScoreSet scores, Normalisation norm, int k) {
    int n = scores.layout().size();
    if (k < 1 || k > n) {
      throw new InvalidInputException("Cannot keep " + k + " of " + n + " units");
    }
    double[] l1 = scores.normalised(ScoreKind.L1, norm);
    double a = penaltyWeight(l1);
    QuboBuilder b = Qubo.builder(n).labels(scores.layout().ids());
    // A(Σx − k)² = A(Σx_i + 2Σ_{i<j} x_i x_j − 2kΣx_i + k²) on binary variables
    for (int i = 0; i < n; i++) {
      b.addLinear(i, -l1[i] + a * (1 - 2.0 * k));
      for (int j = i + 1; j < n; j++) {
        b.addQuadratic(i, j, 2 * a);
      }
    }
    b.addOffset(a * (double) k * k);
    return b.build();
  }
}
