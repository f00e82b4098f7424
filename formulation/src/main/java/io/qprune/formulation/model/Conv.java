package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;

/** A square, 'same'-padded 2-D convolution's weight (and optional bias), stride 1 unless given. */
final class Conv {
  private static final Shape ONE = new Shape(1, 1);
  private final Parameter weight;
  private final Parameter bias;
  private final Shape padding;
  private final Shape stride;
  private final int groups;
  private final String name;

  Conv(ParamFactory owner, String name, int in, int out, int kernel, int groups, boolean bias) {
    this(owner, name, in, out, kernel, 1, groups, bias);
  }

  Conv(ParamFactory owner, String name, int in, int out, int kernel, int stride, int groups, boolean bias) {
    this.weight =
        owner.param(name + ".weight", Parameter.Type.WEIGHT,
            new Shape(out, in / groups, kernel, kernel));
    this.bias = bias ? owner.param(name + ".bias", Parameter.Type.BIAS, new Shape(out)) : null;
    this.padding = new Shape(kernel / 2, kernel / 2);
    this.stride = new Shape(stride, stride);
    this.groups = groups;
    this.name = name;
  }

  /** The name its parameters carry (e.g. {@code enc1a.primary}). */
  String name() {
    return name;
  }

  /** The weight parameter (out × in/groups × k × k). */
  Parameter weight() {
    return weight;
  }

  NDArray apply(NDArray x) {
    return apply(x, weight.getArray(), bias == null ? null : bias.getArray());
  }

  /**
   * This conv with each output channel o's filter multiplied by {@code scale[o]} and its bias
   * replaced by {@code shift[o] + scale[o] · bias[o]} (bias 0 if it has none): applied to
   * {@code x}, the folded weights are made in {@code arrays}.
   */
  NDArray applyFolded(NDArray x, float[] scale, float[] shift, NDManager arrays) {
    return applyFolded(x, scale, shift, null, arrays);
  }

  /**
   * {@link #applyFolded(NDArray, float[], float[], NDManager)} with every weight also multiplied by
   * its entry of {@code weightMask} (flattened like the weight; null keeps all).
   */
  NDArray applyFolded(NDArray x, float[] scale, float[] shift, float[] weightMask, NDManager arrays) {
    float[] b = foldedBias(scale, shift);
    if (weightMask == null) {
      // the step-owned scale comes first so that the product is owned by `arrays`, not the model
      NDArray w = arrays.create(scale, new Shape(scale.length, 1, 1, 1)).mul(weight.getArray());
      return apply(x, w, arrays.create(b));
    }
    float[] w = weight.getArray().toFloatArray();
    if (weightMask.length != w.length) {
      throw new IllegalArgumentException("weight mask of " + weightMask.length + " for " + w.length + " weights");
    }
    int per = w.length / scale.length;
    for (int i = 0; i < w.length; i++) {
      w[i] *= scale[i / per] * weightMask[i];
    }
    return apply(x, arrays.create(w, weight.getArray().getShape()), arrays.create(b));
  }

  /** This conv (no batch norm) with its weights multiplied by {@code weightMask} (null keeps all). */
  NDArray applyMasked(NDArray x, float[] weightMask, NDManager arrays) {
    if (weightMask == null) {
      return apply(x);
    }
    float[] w = weight.getArray().toFloatArray();
    for (int i = 0; i < w.length; i++) {
      w[i] *= weightMask[i];
    }
    return apply(x, arrays.create(w, weight.getArray().getShape()), bias == null ? null : bias.getArray());
  }

  private float[] foldedBias(float[] scale, float[] shift) {
    float[] b = shift.clone();
    if (bias != null) {
      float[] own = bias.getArray().toFloatArray();
      for (int o = 0; o < b.length; o++) {
        b[o] += scale[o] * own[o];
      }
    }
    return b;
  }

  private NDArray apply(NDArray x, NDArray w, NDArray b) {
    return Conv2d.conv2d(x, w, b, stride, padding, ONE, groups).singletonOrThrow();
  }
}
