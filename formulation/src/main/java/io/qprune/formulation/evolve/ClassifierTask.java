package io.qprune.formulation.evolve;

import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.WeightLayer;
import java.util.List;

/** Weight pruning of a ResNet classifier: f2 = 1 − top-1 accuracy. */
public final class ClassifierTask implements WeightTask {
  private static final int BATCH = 500;
  private final Classifier model;
  private final LabelledImages validation;
  private final LabelledImages test;
  private final String name;

  /** Takes ownership of {@code model}. */
  public ClassifierTask(Classifier model, LabelledImages validation, LabelledImages test, String name) {
    this.model = model;
    this.validation = validation;
    this.test = test;
    this.name = name;
  }

  public Classifier model() {
    return model;
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public List<WeightLayer> layers() {
    return model.weightLayers();
  }

  @Override
  public float[] importance(int layer) {
    float[] w = model.weights(layer);
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.abs(w[i]);
    }
    return w;
  }

  @Override
  public double[] errors(List<WeightMask> masks) {
    double[] out = new double[masks.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = 1 - model.accuracy(validation, masks.get(i).arrays(), BATCH);
    }
    return out;
  }

  @Override
  public double testError(WeightMask mask) {
    return 1 - model.accuracy(test, mask.arrays(), BATCH);
  }

  @Override
  public double errorReference() {
    return 1.0;
  }

  @Override
  public double defaultTolerance() {
    return 0.01;
  }

  @Override
  public String errorName() {
    return "error (1 - accuracy)";
  }

  @Override
  public double metric(double error) {
    return 100 * (1 - error);
  }

  @Override
  public String metricName() {
    return "accuracy (%)";
  }

  @Override
  public void close() {
    model.close();
  }
}
