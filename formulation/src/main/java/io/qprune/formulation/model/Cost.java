package io.qprune.formulation.model;

/**
 * The size of a (possibly pruned) network: trainable parameters, and FLOPs per input pixel
 * (2 × multiply-accumulates of the convolutions; pooling, up-sampling, BN and ReLU not counted).
 */
public record Cost(long params, double flopsPerPixel) {
  /** FLOPs for one {@code height × width} input. */
  public double flops(int height, int width) {
    return flopsPerPixel * height * width;
  }

  /** This cost as a fraction of {@code full}'s, e.g. 0.64 for 64 % of the parameters. */
  public double paramsFraction(Cost full) {
    return (double) params / full.params;
  }

  /** This cost's FLOPs as a fraction of {@code full}'s. */
  public double flopsFraction(Cost full) {
    return flopsPerPixel / full.flopsPerPixel;
  }
}
