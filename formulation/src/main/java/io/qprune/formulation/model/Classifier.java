package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.classify.LabelledImages;
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
  private Mask channelMask;

  private Classifier(ResNetSpec spec, NDManager manager, ResNet net, float[] mean, float[] std,
      Map<String, String> info) {
    this.spec = spec;
    this.manager = manager;
    this.net = net;
    this.mean = mean;
    this.std = std;
    this.info = new LinkedHashMap<>(info);
    this.channelMask = Mask.all(units(net.channelLayers()));
  }

  private static int units(List<Layer> layers) {
    Layer last = layers.get(layers.size() - 1);
    return last.firstUnit() + last.units();
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

  /**
   * The channel layers filter pruning decides on, in the global unit order of {@link #channelMask()}:
   * for each stage {@code stageS} (its residual stream: the channels the stem or the stage's first
   * block makes and every residual addition of the stage adds to, one unit per channel index),
   * then {@code sSbB.conv1} for each of its blocks (that conv's output channels after BN and ReLU).
   */
  public List<Layer> channelLayers() {
    return net.channelLayers();
  }

  /** The number of channel units (prunable filters, shortcut-tied channels counted once). */
  public int channelUnits() {
    return channelMask.size();
  }

  /**
   * The weight layers (indices into {@link #weightLayers()}) whose output channels are channel layer
   * {@code layer}'s: the stem (first stage) and every block's second conv for a stream, the block's
   * first conv otherwise.
   */
  public int[] producers(int layer) {
    List<Layer> layers = net.channelLayers();
    for (int s = 0; s < 3; s++) {
      if (layer == net.streamLayer(s)) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (s == 0) {
          out.add(0);
        }
        for (int b = 0; b < spec.blocks(); b++) {
          out.add(net.conv1(s, b) + 1);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
      }
      for (int b = 0; b < spec.blocks(); b++) {
        if (layer == net.innerLayer(s, b)) {
          return new int[] {net.conv1(s, b)};
        }
      }
    }
    throw new IndexOutOfBoundsException("Channel layer " + layer + " of " + layers.size());
  }

  /** The channel mask every forward pass applies (initially keeps all). */
  public Mask channelMask() {
    return channelMask;
  }

  /** Sets the channel mask for later forward passes (training, inference, accuracy). */
  public void setChannelMask(Mask mask) {
    if (mask.size() != channelUnits()) {
      throw new InvalidInputException("The channel mask has " + mask.size() + " units; " + this + " has "
          + channelUnits() + " (" + channelLayers().size() + " channel layers)");
    }
    channelMask = mask;
  }

  /** The channel mask as one 1 × units × 1 × 1 array per channel layer made in {@code arrays}; null when it keeps all. */
  List<NDArray> maskArrays(Mask mask, NDManager arrays) {
    if (mask.kept() == mask.size()) {
      return null;
    }
    List<NDArray> out = new java.util.ArrayList<>();
    for (Layer l : channelLayers()) {
      out.add(arrays.create(MaskedNetwork.layerMask(mask, l), new Shape(1, l.units(), 1, 1)));
    }
    return out;
  }

  /** The network under {@code mask} with the pruned channels cut away (see {@link SlimResNet}). */
  public SlimResNet cut(Mask mask) {
    if (mask.size() != channelUnits()) {
      throw new InvalidInputException("The channel mask has " + mask.size() + " units; " + this + " has "
          + channelUnits());
    }
    return SlimResNet.of(spec, net, mask);
  }

  /** ResNet internals for the mask-gradient pass. */
  ResNet net() {
    return net;
  }

  /** Class scores for normalised inputs under the channel mask; batch statistics when training. */
  public NDArray logits(NDArray x, boolean training) {
    return net.logits(x, training, maskArrays(channelMask, x.getManager()), null);
  }

  /**
   * Class scores at inference with each prunable layer's weights multiplied by its 0/1 array in
   * {@code masks} (null: keep all), under the channel mask, and batch norm folded into the convs; equals
   * {@code logits(x, false)} under the mask up to float rounding.
   */
  public NDArray logitsMasked(NDArray x, List<float[]> masks, NDManager arrays) {
    if (masks != null) {
      checkMasks(masks);
    }
    return net.logitsFolded(x, masks, maskArrays(channelMask, arrays), arrays);
  }

  private void checkMasks(List<float[]> masks) {
    {
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
  }

  /**
   * Multiplies each prunable layer's weights by its 0/1 array in {@code masks} in place: the pruned
   * weights become zero for good (used to keep them pruned while fine-tuning).
   */
  public void multiplyWeights(List<float[]> masks) {
    checkMasks(masks);
    net.multiplyWeights(masks);
  }

  /**
   * Optimal-brain-damage saliency of every prunable weight, ½ · w² · F, with F the empirical Fisher
   * diagonal (the mean over {@code batches} batches of {@code data} of the squared gradient of the
   * batch's mean cross-entropy) of the inference-mode network: the loss increase its removal alone
   * is expected to cause. One array per weight layer.
   */
  public List<float[]> fisherSaliency(LabelledImages data, int batch, int batches) {
    List<NDArray> weights = net.weightArrays();
    List<float[]> sumSq = new java.util.ArrayList<>();
    List<float[]> previous = new java.util.ArrayList<>();
    for (NDArray w : weights) {
      sumSq.add(new float[Math.toIntExact(w.size())]);
      previous.add(w.getGradient().toFloatArray());
    }
    int used = 0;
    for (int b = 0; b < batches && (b + 1) * batch <= data.count(); b++, used++) {
      try (NDManager sub = manager.newSubManager()) {
        NDArray x = inputs(data, b * batch, (b + 1) * batch, sub);
        float[] onehot = new float[batch * data.classes()];
        for (int i = 0; i < batch; i++) {
          onehot[i * data.classes() + data.label(b * batch + i)] = 1f;
        }
        NDArray y = sub.create(onehot, new Shape(batch, data.classes()));
        try (ai.djl.training.GradientCollector gc = Torch.engine().newGradientCollector()) {
          gc.backward(logits(x, false).logSoftmax(1).mul(y).sum(new int[] {1}).mean().neg());
        }
      }
      for (int l = 0; l < weights.size(); l++) {
        float[] g = weights.get(l).getGradient().toFloatArray();
        float[] prev = previous.get(l);
        float[] acc = sumSq.get(l);
        for (int i = 0; i < g.length; i++) {
          float d = g[i] - prev[i];
          acc[i] += d * d;
        }
        previous.set(l, g);
      }
    }
    List<float[]> out = new java.util.ArrayList<>();
    for (int l = 0; l < weights.size(); l++) {
      NDArray grad = weights.get(l).getGradient();
      grad.set(new float[Math.toIntExact(grad.size())]);
      float[] w = weights.get(l).toFloatArray();
      float[] s = sumSq.get(l);
      for (int i = 0; i < w.length; i++) {
        s[i] = 0.5f * w[i] * w[i] * s[i] / Math.max(1, used);
      }
      out.add(s);
    }
    return out;
  }

  /** Top-1 accuracy (0–1) on {@code data} under {@code masks} (null keeps all) and the channel mask, in batches. */
  public double accuracy(LabelledImages data, List<float[]> masks, int batch) {
    return accuracy(data, batch, manager, (x, sub) -> logitsMasked(x, masks, sub));
  }

  /** Top-1 accuracy (0–1) on {@code data} of the cut network {@code slim} (made from this one), in batches. */
  public double accuracy(SlimResNet slim, LabelledImages data, int batch) {
    return accuracy(data, batch, slim.manager(), slim::logits);
  }

  private double accuracy(LabelledImages data, int batch, NDManager parent,
      java.util.function.BiFunction<NDArray, NDManager, NDArray> logits) {
    int correct = 0;
    for (int from = 0; from < data.count(); from += batch) {
      int to = Math.min(data.count(), from + batch);
      try (NDManager sub = parent.newSubManager()) {
        long[] pred = logits.apply(inputs(data, from, to, sub), sub).argMax(1).toLongArray();
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
}
