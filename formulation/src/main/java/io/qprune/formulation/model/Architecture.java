package io.qprune.formulation.model;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** The denoiser architectures qprune can build, train and prune. */
public enum Architecture {
  /** Half-UNet: Ghost blocks, one width at every level, full-scale fusion by addition. */
  HALF_UNET("half-unet"),
  /** A plain DnCNN-style stack of 3×3 conv + BN + ReLU layers with a residual output. */
  DNCNN("dncnn");

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Parses {@code half-unet} or {@code dncnn}. */
  public static Architecture parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Architecture a : values()) {
      if (a.id.equals(t)) {
        return a;
      }
    }
    throw new InvalidInputException(
        "Unknown architecture '" + text + "'. Maybe use half-unet or dncnn.");
  }

  @Override
  public String toString() {
    return id;
  }
}
