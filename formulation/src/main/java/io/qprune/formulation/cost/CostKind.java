package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** What a compute budget counts. */
public enum CostKind {
  /** FLOPs per input pixel of the convolutions (2 × multiply-accumulates). */
  FLOPS,
  /** Trainable parameters. */
  PARAMS,
  /** Forward latency on this machine, fitted to measured whole-network times ({@link LatencyFit}). */
  LATENCY;

  /** Parses flops or params. */
  public static CostKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Unknown budget '" + text + "'. Maybe use flops, params or latency.", e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
