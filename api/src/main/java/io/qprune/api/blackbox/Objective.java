package io.qprune.api.blackbox;

import java.util.List;

/**
 * The function to minimise, evaluated on a batch of candidates at once (so an expensive
 * evaluator can batch its work). The points must not be modified.
 */
@FunctionalInterface
public interface Objective {
  /** One value per point, in order; lower is better. Non-finite values are an error. */
  double[] evaluate(List<int[]> points);
}
