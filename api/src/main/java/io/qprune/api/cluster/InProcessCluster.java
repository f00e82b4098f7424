package io.qprune.api.cluster;

import io.qprune.api.QpruneException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs everything on the calling thread, in order: the default, and the reference every other
 * cluster must agree with. Keeps the evaluators of the last few recipes it built.
 */
final class InProcessCluster implements Cluster {
  private static final int KEPT_RECIPES = 4;
  private final Map<String, BatchEvaluator> built = new LinkedHashMap<>(8, 0.75f, true);

  @Override
  public String url() {
    return Clusters.IN_PROCESS;
  }

  @Override
  public int parallelism() {
    return 1;
  }

  @Override
  public synchronized double[][] evaluate(EvaluatorRecipe recipe, List<int[]> candidates) {
    BatchEvaluator e = built.get(recipe.id());
    if (e == null) {
      e = recipe.build();
      built.put(recipe.id(), e);
      if (built.size() > KEPT_RECIPES) {
        String eldest = built.keySet().iterator().next();
        built.remove(eldest).close();
      }
    }
    double[][] out = e.evaluate(candidates);
    if (out.length != candidates.size()) {
      throw new QpruneException("Evaluator of recipe " + recipe.id() + " returned " + out.length
          + " rows for " + candidates.size() + " candidates");
    }
    return out;
  }

  @Override
  public <C extends Serializable, R extends Serializable> void run(CellTask<C, R> task, List<C> cells,
      CellSink<? super C, ? super R> sink) {
    for (int i = 0; i < cells.size(); i++) {
      sink.accept(i, cells.get(i), task.run(cells.get(i)));
    }
  }

  @Override
  public synchronized void close() {
    built.values().forEach(BatchEvaluator::close);
    built.clear();
  }
}
