package io.qprune.bench.pruning;

import io.qprune.formulation.model.Mask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The α × β grid search of the hybrid QUBO on a validation score (higher is better; each distinct
 * mask scored once): the best (α, β), and the best α with β = 0 for the linear variant. Ties keep
 * the first point of the grid.
 */
final class AlphaBetaSweep {
  /** The winner, its score, the linear variant's α (null when β = 0 is not on the grid) and the distinct masks. */
  record Best(double alpha, double beta, double score, Double linearAlpha, int distinct) {}

  private AlphaBetaSweep() {}

  /** Scores {@code select(α, β)} over the grid, appending every point to {@code sweep}. */
  static Best run(List<Double> alphas, List<Double> betas, BiFunction<Double, Double, Mask> select,
      ToDoubleFunction<Mask> score, double level, long seed, List<SweepPoint> sweep) {
    double best = Double.NEGATIVE_INFINITY;
    double bestLinear = Double.NEGATIVE_INFINITY;
    double[] ab = null;
    Double linear = null;
    Map<Mask, Double> cache = new HashMap<>();
    for (double a : alphas) {
      for (double b : betas) {
        double v = cache.computeIfAbsent(select.apply(a, b), score::applyAsDouble);
        sweep.add(new SweepPoint(level, seed, a, b, v));
        if (v > best) {
          best = v;
          ab = new double[] {a, b};
        }
        if (b == 0 && v > bestLinear) {
          bestLinear = v;
          linear = a;
        }
      }
    }
    return new Best(ab[0], ab[1], best, linear, cache.size());
  }
}
