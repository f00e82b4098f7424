package io.qprune.api.cluster;

import java.util.List;

/**
 * Scores a batch of candidates (binary or integer vectors of the evaluator's length): one row of
 * objective values per candidate, in the candidates' order. Need not be thread-safe.
 */
public interface BatchEvaluator extends AutoCloseable {
  /** One row per candidate, in order; the candidates must not be modified. */
  double[][] evaluate(List<int[]> candidates);

  /** Frees what the evaluator holds (native memory, files); nothing by default. */
  @Override
  default void close() {}
}
