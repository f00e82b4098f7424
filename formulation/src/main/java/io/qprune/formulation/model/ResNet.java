package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * ResNet for small images (He et al. 2016, CIFAR variant): 3×3 stem, three stages of basic blocks
 * (conv-BN-ReLU-conv-BN plus shortcut, ReLU), the first block of stages 2 and 3 halving the
 * resolution with a stride-2 conv and a parameter-free shortcut (subsampling, zero channels
 * appended), global average pooling and a linear classifier. Every conv and the classifier's
 * weight matrix are prunable weight by weight; input is N × C × H × W, normalised.
 *
 * <p>For filter pruning its channels form {@link #channelLayers() channel layers}: each block's
 * first conv (after BN and ReLU), and each stage's residual stream — the channels the stem or the
 * stage's first block makes and every residual addition adds to, one unit per channel index. A
 * stream unit is masked after every addition's ReLU, so a pruned one is zero throughout its stage:
 * no conv need make it or read it, and the next stage's shortcut gets zero in its place (the
 * shortcut has no weights, so a stage's stream is decided apart from the others).
 */
final class ResNet extends AbstractBlock implements ParamFactory {
  private static final Shape ONE = new Shape(1, 1);
  private static final Shape TWO = new Shape(2, 2);
  private final long seed;
  private final ResNetSpec spec;
  private final List<Conv> convs = new ArrayList<>();
  private final List<BatchNormParams> norms = new ArrayList<>();
  private final List<WeightLayer> layers = new ArrayList<>();
  private final List<Layer> units = new ArrayList<>();
  private final Parameter fcWeight;
  private final Parameter fcBias;
  private int total;

  ResNet(ResNetSpec spec, long seed) {
    super((byte) 1);
    this.seed = seed;
    this.spec = spec;
    int w = spec.width();
    add("stem", spec.channels(), w, 1);
    int in = w;
    for (int s = 0; s < 3; s++) {
      int out = w << s;
      for (int b = 0; b < spec.blocks(); b++) {
        String name = "s" + (s + 1) + "b" + (b + 1);
        add(name + ".conv1", in, out, s > 0 && b == 0 ? 2 : 1);
        add(name + ".conv2", out, out, 1);
        in = out;
      }
    }
    fcWeight = param("fc.weight", Parameter.Type.WEIGHT, new Shape(spec.classes(), in));
    fcBias = param("fc.bias", Parameter.Type.BIAS, new Shape(spec.classes()));
    layers.add(new WeightLayer("fc", layers.size(), spec.classes() * in, total));
    total += spec.classes() * in;
    int first = 0;
    for (int s = 0; s < 3; s++) {
      int c = w << s;
      units.add(new Layer("stage" + (s + 1), units.size(), c, first, 1));
      first += c;
      for (int b = 0; b < spec.blocks(); b++) {
        units.add(new Layer("s" + (s + 1) + "b" + (b + 1) + ".conv1", units.size(), c, first, 1));
        first += c;
      }
    }
  }

  private void add(String name, int in, int out, int stride) {
    convs.add(new Conv(this, name, in, out, 3, stride, 1, false));
    norms.add(new BatchNormParams(this, name + ".bn", out));
    layers.add(new WeightLayer(name, layers.size(), out * in * 9, total));
    total += out * in * 9;
  }

  @Override
  public Parameter param(String name, Parameter.Type type, Shape shape) {
    return addParameter(ParamFactory.build(seed, name, type, shape));
  }

  ResNetSpec spec() {
    return spec;
  }

  /** The prunable weight layers: every conv in forward order, then the classifier. */
  List<WeightLayer> weightLayers() {
    return List.copyOf(layers);
  }

  /** The current weights of layer {@code i}, flattened. */
  float[] weights(int i) {
    return i < convs.size() ? convs.get(i).weight().getArray().toFloatArray() : fcWeight.getArray().toFloatArray();
  }

  /** The arrays of the prunable weights, one per weight layer. */
  List<NDArray> weightArrays() {
    List<NDArray> out = new ArrayList<>();
    convs.forEach(c -> out.add(c.weight().getArray()));
    out.add(fcWeight.getArray());
    return out;
  }

  /** Multiplies every prunable weight by its entry of {@code masks} in place (one array per weight layer). */
  void multiplyWeights(List<float[]> masks) {
    for (int i = 0; i < layers.size(); i++) {
      NDArray w = i < convs.size() ? convs.get(i).weight().getArray() : fcWeight.getArray();
      float[] v = w.toFloatArray();
      float[] m = masks.get(i);
      for (int k = 0; k < v.length; k++) {
        v[k] *= m[k];
      }
      w.set(v);
    }
  }

  /** The prunable channel groups: per stage its residual stream, then each block's first conv. */
  List<Layer> channelLayers() {
    return List.copyOf(units);
  }

  /** The channel layer of stage {@code s}'s residual stream. */
  int streamLayer(int s) {
    return s * (spec.blocks() + 1);
  }

  /** The channel layer of block {@code b}'s first conv in stage {@code s}. */
  int innerLayer(int s, int b) {
    return streamLayer(s) + 1 + b;
  }

  /** The conv of block {@code b}'s first conv in stage {@code s} (its second is the next one). */
  int conv1(int s, int b) {
    return 1 + 2 * (s * spec.blocks() + b);
  }

  /** The convs in forward order (stem, then conv1/conv2 of each block). */
  List<Conv> convs() {
    return List.copyOf(convs);
  }

  /** The batch norm after conv {@code k}. */
  BatchNormParams norm(int k) {
    return norms.get(k);
  }

  /** The classifier's weight (classes × final width) and bias. */
  NDArray[] fc() {
    return new NDArray[] {fcWeight.getArray(), fcBias.getArray()};
  }

  /** Receives each channel layer's activation (N × channels × h × w) before its mask, at every place it is used. */
  interface Tap {
    void accept(int layer, NDArray activation);
  }

  /**
   * Class scores (N × classes); batch statistics when training. {@code masks} (null keeps all):
   * one array per channel layer, (1 or N) × units × 1 × 1, multiplying the layer's channels where
   * they are made (a stream's at the stem or stage entry and after every residual addition's ReLU).
   */
  NDArray logits(NDArray x, boolean training, List<NDArray> masks, Tap tap) {
    return run(x, (k, in) -> norms.get(k).apply(convs.get(k).apply(in), training), null, null, masks, tap);
  }

  /**
   * Class scores at inference (running statistics) with every weight multiplied by its entry of
   * {@code weightMasks} (one flattened 0/1 array per weight layer, null keeps all), the channel
   * {@code masks} of {@link #logits(NDArray, boolean, List, Tap)} and the batch norms folded into
   * the convs; the folded weights are made in {@code arrays}.
   */
  NDArray logitsFolded(NDArray x, List<float[]> weightMasks, List<NDArray> masks, NDManager arrays) {
    return run(x, (k, in) -> {
      float[][] f = norms.get(k).fold(ones(channels(k)));
      return convs.get(k).applyFolded(in, f[0], f[1], weightMasks == null ? null : weightMasks.get(k), arrays);
    }, weightMasks == null ? null : weightMasks.get(layers.size() - 1), arrays, masks, null);
  }

  private int channels(int k) {
    return Math.toIntExact(convs.get(k).weight().getArray().getShape().get(0));
  }

  static float[] ones(int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, 1f);
    return v;
  }

  private interface ConvBn {
    NDArray apply(int k, NDArray in);
  }

  private static NDArray unit(NDArray a, int layer, List<NDArray> masks, Tap tap) {
    if (tap != null) {
      tap.accept(layer, a);
    }
    return masks == null ? a : a.mul(masks.get(layer));
  }

  /** The parameter-free shortcut into a new stage: every other pixel, zero channels appended. */
  static NDArray downsample(NDArray h) {
    return Pool.maxPool2d(h, ONE, TWO, new Shape(0, 0), false);
  }

  private NDArray run(NDArray x, ConvBn convBn, float[] fcMask, NDManager arrays, List<NDArray> masks, Tap tap) {
    NDArray h = unit(Activation.relu(convBn.apply(0, x)), streamLayer(0), masks, tap);
    int k = 1;
    for (int s = 0; s < 3; s++) {
      for (int b = 0; b < spec.blocks(); b++) {
        NDArray o = unit(Activation.relu(convBn.apply(k, h)), innerLayer(s, b), masks, tap);
        o = convBn.apply(k + 1, o);
        NDArray shortcut = h;
        if (s > 0 && b == 0) {
          shortcut = downsample(h);
          shortcut = NDArrays.concat(new NDList(shortcut, shortcut.zerosLike()), 1);
        }
        h = unit(Activation.relu(o.add(shortcut)), streamLayer(s), masks, tap);
        k += 2;
      }
    }
    NDArray pooled = h.reshape(h.getShape().get(0), h.getShape().get(1), -1).mean(new int[] {2});
    NDArray w = fcWeight.getArray();
    if (fcMask != null) {
      float[] v = w.toFloatArray();
      for (int i = 0; i < v.length; i++) {
        v[i] *= fcMask[i];
      }
      w = arrays.create(v, w.getShape());
    }
    return Linear.linear(pooled, w, fcBias.getArray()).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(logits(inputs.singletonOrThrow(), training, null, null));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), spec.classes())};
  }
}
