package io.qprune.bench.evolve;

import io.qprune.api.cluster.Cluster;
import io.qprune.formulation.evolve.WeightMask;
import io.qprune.formulation.evolve.WeightTask;
import io.qprune.formulation.model.WeightLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A weight task whose validation batches run on a cluster (each executor rebuilds the task from a
 * {@link TaskRecipe} once); everything else — layers, importance, test errors — stays local.
 */
public final class ClusterTask implements WeightTask {
  private final WeightTask local;
  private final Cluster cluster;
  private final TaskRecipe recipe;

  /** Takes ownership of {@code local} and {@code cluster}. */
  public ClusterTask(WeightTask local, Cluster cluster, String model, java.nio.file.Path data, int validation,
      int threads) {
    this.local = local;
    this.cluster = cluster;
    this.recipe = new TaskRecipe(model, data, validation, threads);
  }

  @Override
  public double[] errors(List<WeightMask> masks) {
    List<int[]> packed = new ArrayList<>();
    masks.forEach(m -> packed.add(TaskRecipe.pack(m)));
    double[][] rows = cluster.evaluate(recipe, packed);
    double[] out = new double[rows.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows[i][0];
    }
    return out;
  }

  @Override
  public String describe() {
    return local.describe();
  }

  @Override
  public List<WeightLayer> layers() {
    return local.layers();
  }

  @Override
  public float[] importance(int layer) {
    return local.importance(layer);
  }

  @Override
  public boolean comparableAcrossLayers() {
    return local.comparableAcrossLayers();
  }

  @Override
  public double testError(WeightMask mask) {
    return local.testError(mask);
  }

  @Override
  public double errorReference() {
    return local.errorReference();
  }

  @Override
  public double defaultTolerance() {
    return local.defaultTolerance();
  }

  @Override
  public String errorName() {
    return local.errorName();
  }

  @Override
  public double metric(double error) {
    return local.metric(error);
  }

  @Override
  public String metricName() {
    return local.metricName();
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } finally {
      local.close();
    }
  }
}
