package io.qprune.solvers.local.pt;

import io.qprune.api.Qubo;
import io.qprune.solvers.local.sa.BetaSchedule;

/**
 * Inverse-temperature ladders of the replica methods, from the model's field scale: the hot end
 * at T = (largest Ising field)/2, where most flips are taken, the cold end where dwave-samplers'
 * annealing schedule ends (the smallest excitation is taken with total probability 1 %).
 */
public final class Ladder {
  private Ladder() {}

  /** [hot, cold] betas for the model. */
  public static double[] defaultRange(Qubo model) {
    double[] dw = BetaSchedule.defaultRange(model);
    double maxField = Math.log(2) / (2 * dw[0]); // dwave's hot end is ln2 / (2 max field)
    double hot = Math.min(2 / maxField, dw[1] / 2);
    return new double[] {hot, dw[1]};
  }

  /** {@code count} betas spaced geometrically from range[0] to range[1] (both > 0). */
  public static double[] geometric(double[] range, int count) {
    double[] b = new double[count];
    for (int k = 0; k < count; k++) {
      b[k] = count == 1 ? range[1] : range[0] * Math.pow(range[1] / range[0], k / (double) (count - 1));
    }
    return b;
  }
}
