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
  private final List<float[]> saliency;

  /** Takes ownership of {@code model}; importance is |w|. */
  public ClassifierTask(Classifier model, LabelledImages validation, LabelledImages test, String name) {
    this(model, validation, test, name, null);
  }

  /**
   * Takes ownership of {@code model}; importance is the OBD saliency ½·w²·F measured on
   * {@code fisherData} (64 batches of 64; null: |w|).
   */
  public ClassifierTask(Classifier model, LabelledImages validation, LabelledImages test, String name,
      LabelledImages fisherData) {
    this.model = model;
    this.validation = validation;
    this.test = test;
    this.name = name;
    this.saliency = fisherData == null ? null : model.fisherSaliency(fisherData, 64, 64);
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
    if (saliency != null) {
      return saliency.get(layer).clone();
    }
    float[] w = model.weights(layer);
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.abs(w[i]);
    }
    return w;
  }

  @Override
  public boolean comparableAcrossLayers() {
    return saliency != null;
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
