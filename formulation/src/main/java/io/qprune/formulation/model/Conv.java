package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
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
    return Conv2d.conv2d(
            x, weight.getArray(), bias == null ? null : bias.getArray(), ONE, padding, ONE, groups)
        .singletonOrThrow();
  }
}
