package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;

/** A square, stride-1, 'same'-padded 2-D convolution's weight (and optional bias). */
final class Conv {
  private static final Shape ONE = new Shape(1, 1);
  private final Parameter weight;
  private final Parameter bias;
  private final Shape padding;
  private final int groups;

  Conv(MaskedNetwork owner, String name, int in, int out, int kernel, int groups, boolean bias) {
    this.weight =
        owner.param(name + ".weight", Parameter.Type.WEIGHT,
            new Shape(out, in / groups, kernel, kernel));
    this.bias = bias ? owner.param(name + ".bias", Parameter.Type.BIAS, new Shape(out)) : null;
    this.padding = new Shape(kernel / 2, kernel / 2);
    this.groups = groups;
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
    float[] b = shift.clone();
    if (bias != null) {
      float[] own = bias.getArray().toFloatArray();
      for (int o = 0; o < b.length; o++) {
        b[o] += scale[o] * own[o];
      }
    }
    // the step-owned scale comes first so that the product is owned by `arrays`, not the model
    NDArray w = arrays.create(scale, new Shape(scale.length, 1, 1, 1)).mul(weight.getArray());
    return apply(x, w, arrays.create(b));
  }

  private NDArray apply(NDArray x, NDArray w, NDArray b) {
    return Conv2d.conv2d(x, w, b, ONE, padding, ONE, groups).singletonOrThrow();
  }
}
