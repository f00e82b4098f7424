package io.qprune.api.blackbox;

import java.util.List;

/**
 * The objectives to minimise together, evaluated on a batch of genomes at once (so an expensive
 * evaluator can batch its work). The genomes must not be modified.
 *
 * @param <G> the genome type: {@code int[]} for binary problems, {@code double[]} for real ones
 */
@FunctionalInterface
public interface MultiObjective<G> {
  /**
   * One row per genome, in order: row i holds genome i's objective vector (one finite value per
   * objective, lower is better).
   */
  double[][] evaluate(List<G> genomes);
}
