package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/**
 * A conv cut down to the kept channels with its batch norm folded in (made by {@link Conv#cut}):
 * one weight array per input array (out × in_i × k × k, or out × 1 × k × k for a depthwise conv)
 * and the bias; applied to the input arrays it is their sum — the original conv on their
 * concatenation, restricted to the kept channels.
 */
record SlicedConv(String name, List<NDArray> weights, NDArray bias, int stride, boolean depthwise) {
  private static final Shape ONE = new Shape(1, 1);

  /** Output channels. */
  int outChannels() {
    return (int) bias.getShape().get(0);
  }

  /** {@code xs.get(i)} holds the channels weight i expects; the bias is added once. */
  NDArray apply(List<NDArray> xs) {
    if (xs.size() != weights.size()) {
      throw new IllegalStateException(name + ": " + xs.size() + " input arrays for " + weights.size() + " weights");
    }
    NDArray sum = null;
    for (int a = 0; a < xs.size(); a++) {
      NDArray w = weights.get(a);
      long k = w.getShape().get(2);
      NDArray y = Conv2d.conv2d(xs.get(a), w, a == 0 ? bias : null, new Shape(stride, stride),
          new Shape(k / 2, k / 2), ONE, depthwise ? outChannels() : 1).singletonOrThrow();
      if (sum == null) {
        sum = y;
      } else {
        sum.addi(y);
        y.close();
      }
    }
    return sum;
  }
}
