package io.qprune.formulation.model;

import io.qprune.api.InvalidInputException;

/**
 * A CIFAR-style ResNet classifier: depth 6n + 2 (3 stages of n basic blocks at widths w, 2w, 4w,
 * stride 2 between stages with parameter-free shortcuts), for square images of {@code size} pixels
 * with {@code channels} colour channels, {@code classes} outputs.
 */
public record ResNetSpec(int depth, int width, int channels, int size, int classes) {
  public ResNetSpec {
    if (depth < 8 || (depth - 2) % 6 != 0) {
      throw new InvalidInputException("ResNet depth must be 6n + 2 with n >= 1 (8, 14, 20, 32, 56, ...), got "
          + depth);
    }
    if (width < 1 || channels < 1 || size < 4 || classes < 2) {
      throw new InvalidInputException("Bad ResNet shape: width " + width + ", channels " + channels + ", size "
          + size + ", classes " + classes);
    }
  }

  /** ResNet-20 (16/32/64) for Fashion-MNIST: 1 × 28 × 28 inputs, 10 classes. */
  public static ResNetSpec resnet20FashionMnist() {
    return new ResNetSpec(20, 16, 1, 28, 10);
  }

  /** Basic blocks per stage. */
  public int blocks() {
    return (depth - 2) / 6;
  }
}
