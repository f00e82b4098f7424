package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.classify.LabelledImages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ResNet image classifier with its input normalisation: what the evolutionary pruning prunes
 * weight by weight. Owns native memory: close it when done.
 */
public final class Classifier implements AutoCloseable {
  private final ResNetSpec spec;
  private final NDManager manager;
  private final ResNet net;
  private final Map<String, String> info;
  private float[] mean;
  private float[] std;

  private Classifier(ResNetSpec spec, NDManager manager, ResNet net, float[] mean, float[] std,
      Map<String, String> info) {
    this.spec = spec;
    this.manager = manager;
    this.net = net;
    this.mean = mean;
    this.std = std;
    this.info = new LinkedHashMap<>(info);
  }

  /** A new network with seeded He-initialised weights and the given input normalisation. */
  public static Classifier create(ResNetSpec spec, long seed, float[] mean, float[] std) {
    NDManager manager = Torch.engine().newBaseManager();
    ResNet net = new ResNet(spec, seed);
    net.initialize(manager, DataType.FLOAT32, new Shape(1, spec.channels(), spec.size(), spec.size()));
    return new Classifier(spec, manager, net, mean.clone(), std.clone(), Map.of());
  }

  static ResNet build(ResNetSpec spec) {
    return new ResNet(spec, 0);
  }

  /** Wraps parameters already loaded into {@code net} (used by {@link ClassifierFile}). */
  static Classifier wrap(ResNetSpec spec, NDManager manager, ResNet net, float[] mean, float[] std,
      Map<String, String> info) {
    for (Parameter p : net.getParameters().values()) {
      if (p.requiresGradient()) {
        p.getArray().setRequiresGradient(true);
      }
    }
    return new Classifier(spec, manager, net, mean, std, info);
  }

  public ResNetSpec spec() {
    return spec;
  }

  public NDManager manager() {
    return manager;
  }

  /** The DJL block (for training and saving). */
  public ai.djl.nn.Block network() {
    return net;
  }

  ResNet resnet() {
    return net;
  }

  /** Per-channel input mean (0–1 scale) subtracted before the network. */
  public float[] mean() {
    return mean.clone();
  }

  /** Per-channel input standard deviation divided out before the network. */
  public float[] std() {
    return std.clone();
  }

  /** Free-form facts stored with the weights (how it was trained, its accuracy, ...). */
  public Map<String, String> info() {
    return Collections.unmodifiableMap(info);
  }

  public void putInfo(String key, String value) {
    info.put(key, value);
  }

  /** The prunable weight layers: every conv in forward order, then the classifier's matrix. */
  public List<WeightLayer> weightLayers() {
    return net.weightLayers();
  }

  /** The number of prunable weights. */
  public int prunableWeights() {
    List<WeightLayer> l = net.weightLayers();
    WeightLayer last = l.get(l.size() - 1);
    return last.offset() + last.size();
  }

  /** The current weights of prunable layer {@code i}, flattened. */
  public float[] weights(int i) {
    return net.weights(i);
  }

  /**
   * Images {@code from}..{@code to} of {@code data} as a normalised N × C × H × W array made in
   * {@code arrays}; their shape must match the network's input.
   */
  public NDArray inputs(LabelledImages data, int from, int to, NDManager arrays) {
    if (data.channels() != spec.channels() || data.height() != spec.size() || data.width() != spec.size()) {
      throw new InvalidInputException(data.source() + " holds " + data.channels() + " x " + data.height() + " x "
          + data.width() + " images; the model takes " + spec.channels() + " x " + spec.size() + " x "
          + spec.size());
    }
    int s = data.imageSize();
    int plane = data.height() * data.width();
    float[] v = new float[(to - from) * s];
    byte[] px = data.pixels();
    for (int i = 0; i < v.length; i++) {
      int c = (i / plane) % data.channels();
      v[i] = ((px[from * s + i] & 0xFF) / 255f - mean[c]) / std[c];
    }
    return arrays.create(v, new Shape(to - from, data.channels(), data.height(), data.width()));
  }

  /** Class scores for normalised inputs; batch statistics when training. */
  public NDArray logits(NDArray x, boolean training) {
    return net.logits(x, training);
  }

  /**
   * Class scores at inference with each prunable layer's weights multiplied by its 0/1 array in
   * {@code masks} (null: keep all) and batch norm folded into the convs; equals
   * {@code logits(x, false)} under the mask up to float rounding.
   */
  public NDArray logitsMasked(NDArray x, List<float[]> masks, NDManager arrays) {
    if (masks != null) {
      List<WeightLayer> l = net.weightLayers();
      if (masks.size() != l.size()) {
        throw new InvalidInputException("Got masks for " + masks.size() + " layers; the model has " + l.size());
      }
      for (int i = 0; i < l.size(); i++) {
        if (masks.get(i).length != l.get(i).size()) {
          throw new InvalidInputException("The mask of layer " + l.get(i).name() + " has " + masks.get(i).length
              + " entries; the layer has " + l.get(i).size() + " weights");
        }
      }
    }
    return net.logitsFolded(x, masks, arrays);
  }

  /** Top-1 accuracy (0–1) on {@code data} under {@code masks} (null keeps all), in batches. */
  public double accuracy(LabelledImages data, List<float[]> masks, int batch) {
    int correct = 0;
    for (int from = 0; from < data.count(); from += batch) {
      int to = Math.min(data.count(), from + batch);
      try (NDManager sub = manager.newSubManager()) {
        NDArray x = inputs(data, from, to, sub);
        long[] pred = logitsMasked(x, masks, sub).argMax(1).toLongArray();
        for (int i = 0; i < pred.length; i++) {
          correct += pred[i] == data.label(from + i) ? 1 : 0;
        }
      }
    }
    return data.count() == 0 ? Double.NaN : correct / (double) data.count();
  }

  /** Replaces the input normalisation (set once from the training data before training). */
  public void setNormalisation(float[] m, float[] s) {
    this.mean = m.clone();
    this.std = s.clone();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ResNet-%d (width %d, %d prunable weights)", spec.depth(), spec.width(),
        prunableWeights());
  }

  @Override
  public void close() {
    manager.close();
  }

  static List<float[]> copy(List<float[]> masks) {
    List<float[]> out = new ArrayList<>();
    masks.forEach(m -> out.add(m.clone()));
    return out;
  }
}
