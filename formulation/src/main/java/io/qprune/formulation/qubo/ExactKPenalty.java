package io.qprune.formulation.qubo;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;

/**
 * The exact-k problem "minimise E(x) subject to Σx = k" as one unconstrained QUBO,
 * {@code E(x) + A (Σx − k)²}, for samplers that take no constraint. A exceeds the whole range of
 * E (Σ|h_i| + Σ|W_ij| + 1), so every point off the slice has a higher energy than every point on
 * it, and on the slice the energy is E's own.
 */
public final class ExactKPenalty {
  private ExactKPenalty() {}

  /** The penalised model of a BINARY {@code q} keeping {@code k} of its variables. */
  public static Qubo of(Qubo q, int k) {
    int n = q.numVariables();
    if (k < 0 || k > n) {
      throw new InvalidInputException("Cannot keep " + k + " of " + n + " variables");
    }
    Qubo b0 = q.toBinary();
    double[] range = {1};
    for (int i = 0; i < n; i++) {
      range[0] += Math.abs(b0.linear(i));
    }
    b0.forEachInteraction((i, j, w) -> range[0] += Math.abs(w));
    double a = range[0];
    QuboBuilder b = Qubo.builder(n);
    if (b0.hasLabels()) {
      b.labels(b0.labels());
    }
    for (int i = 0; i < n; i++) {
      b.addLinear(i, b0.linear(i) + a * (1 - 2.0 * k));
      for (int j = i + 1; j < n; j++) {
        b.addQuadratic(i, j, 2 * a);
      }
    }
    b0.forEachInteraction(b::addQuadratic);
    b.addOffset(b0.offset() + a * (double) k * k);
    return b.build();
  }
}
