package io.qprune.formulation.model;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;

/**
 * What to build: the architecture, its channel width, its depth (levels for Half-UNet, conv layers
 * for DnCNN) and the colour mode it denoises.
 */
public record ModelSpec(Architecture architecture, int channels, int depth, ColorMode color) {
  public ModelSpec {
    if (architecture == null || color == null) {
      throw new InvalidInputException("Model architecture and colour mode must be given");
    }
    if (architecture == Architecture.HALF_UNET) {
      if (channels < 2 || channels % 2 != 0) {
        throw new InvalidInputException(
            "Half-UNet channels must be even and >= 2 (Ghost blocks split them), got " + channels);
      }
      if (depth < 1 || depth > 8) {
        throw new InvalidInputException("Half-UNet levels must be in 1..8, got " + depth);
      }
    } else {
      if (channels < 1) {
        throw new InvalidInputException("DnCNN channels must be >= 1, got " + channels);
      }
      if (depth < 2) {
        throw new InvalidInputException("DnCNN depth must be >= 2 conv layers, got " + depth);
      }
    }
  }

  /** The default network: Half-UNet, C = 32, 5 levels, grey. */
  public static ModelSpec defaultHalfUNet() {
    return new ModelSpec(Architecture.HALF_UNET, 32, 5, ColorMode.GREY);
  }

  /** Input height and width must be multiples of this (the down-sampling factor). */
  public int sizeMultiple() {
    return architecture == Architecture.HALF_UNET ? 1 << (depth - 1) : 1;
  }
}
