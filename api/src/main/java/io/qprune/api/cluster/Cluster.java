package io.qprune.api.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * Where evaluation batches and campaign cells run: in this process ({@link Clusters#IN_PROCESS})
 * or spread over a cluster by an engine found through {@link ClusterProvider}. The results do not
 * depend on which: the same recipe and candidates give the same values, the same cells the same
 * results.
 */
public interface Cluster extends AutoCloseable {
  /** What the cluster was opened with, e.g. {@code local} or {@code spark://host:7077}. */
  String url();

  /** How many candidates or cells can run at the same time (a hint for batch sizes). */
  int parallelism();

  /**
   * Scores the candidates with the evaluator {@code recipe} builds: one row per candidate, in order.
   * Executors build each recipe once and reuse it for every later batch.
   */
  double[][] evaluate(EvaluatorRecipe recipe, List<int[]> candidates);

  /**
   * Runs every cell (one task each), handing each result to {@code sink} on the calling thread as
   * it arrives, exactly once per cell; returns when all are in. A failed cell fails the call
   * (after the engine's own retries) with the cell named.
   */
  <C extends Serializable, R extends Serializable> void run(CellTask<C, R> task, List<C> cells,
      CellSink<? super C, ? super R> sink);

  /** Stops the engine's jobs and frees what the cluster holds; nothing for in-process. */
  @Override
  void close();
}
