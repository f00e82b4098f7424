package io.qprune.solvers.local.sa;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;

/** Beta (inverse temperature) ranges and schedules, with dwave-samplers' defaults. */
public final class BetaSchedule {
  private BetaSchedule() {}

  /**
   * dwave-samplers' default range, from the Ising form of the model: hot enough that the
   * largest possible flip cost (twice the largest sum of |biases| at a spin) is accepted with
   * probability 1/2, cold enough that the smallest bias is excited with total probability 1%
   * summed over the spins that have it.
   */
  public static double[] defaultRange(Qubo model) {
    Qubo ising = model.toSpin();
    int n = ising.numVariables();
    double[] sumAbs = new double[n];
    double[] minAbs = new double[n];
    for (int i = 0; i < n; i++) {
      sumAbs[i] = Math.abs(ising.linear(i));
      minAbs[i] = sumAbs[i] == 0 ? Double.POSITIVE_INFINITY : sumAbs[i];
    }
    ising.forEachInteraction((i, j, b) -> {
      double a = Math.abs(b);
      sumAbs[i] += a;
      sumAbs[j] += a;
      if (a != 0) {
        minAbs[i] = Math.min(minAbs[i], a);
        minAbs[j] = Math.min(minAbs[j], a);
      }
    });
    double maxField = 0;
    double minField = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      maxField = Math.max(maxField, sumAbs[i]);
      minField = Math.min(minField, minAbs[i]);
    }
    if (maxField == 0 || minField == Double.POSITIVE_INFINITY) {
      return new double[] {0.1, 1.0}; // all biases zero: every state has the same energy
    }
    int atMin = 0;
    for (int i = 0; i < n; i++) {
      atMin += minAbs[i] == minField ? 1 : 0;
    }
    double hot = Math.log(2) / (2 * maxField);
    double cold = Math.log(atMin / 0.01) / (2 * minField);
    return new double[] {hot, cold};
  }

  /** A schedule of {@code count} betas from range[0] to range[1], geometric or linear. */
  static Betas interpolate(double[] range, int count, String type) {
    if (count == 1) {
      return new Betas(1, k -> range[1]);
    }
    if (type.equals("geometric")) {
      if (!(range[0] > 0 && range[1] > 0)) {
        throw new InvalidInputException("beta_range " + range[0] + ", " + range[1]
            + " must be positive for a geometric beta_schedule_type. Maybe use 'linear'.");
      }
      double ratio = Math.log(range[1] / range[0]) / (count - 1);
      return new Betas(count, k -> k == count - 1 ? range[1] : range[0] * Math.exp(ratio * k));
    }
    return new Betas(count, k -> k == count - 1 ? range[1]
        : range[0] + (range[1] - range[0]) * k / (count - 1));
  }

  /** Given betas, as a custom schedule. */
  static Betas of(double[] betas) {
    double[] b = betas.clone();
    return new Betas(b.length, k -> b[k]);
  }

  /** A schedule computed on demand (a billion-sweep anneal needs no billion-entry array). */
  record Betas(int count, java.util.function.IntToDoubleFunction at) {
    double beta(int k) {
      return at.applyAsDouble(k);
    }

    double[] toArray() {
      double[] b = new double[count];
      for (int k = 0; k < count; k++) {
        b[k] = beta(k);
      }
      return b;
    }
  }
}
