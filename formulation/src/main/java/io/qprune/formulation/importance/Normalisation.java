package io.qprune.formulation.importance;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** How raw scores are made comparable before they are mixed; the benchmark table names it. */
public enum Normalisation {
  /** Divide each layer's scores by the layer's L2 norm, then all by the global maximum. */
  LAYER_L2("layer-l2"),
  /** Divide all scores by the global maximum only. */
  GLOBAL_MAX("global-max"),
  /** Use the raw scores. */
  NONE("none");

  private final String id;

  Normalisation(String id) {
    this.id = id;
  }

  /** Parses {@code layer-l2}, {@code global-max} or {@code none}. */
  public static Normalisation parse(String text) {
    for (Normalisation n : values()) {
      if (n.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    throw new InvalidInputException(
        "Unknown normalisation '" + text + "'. Maybe use layer-l2, global-max or none.");
  }

  /** The normalised copy of {@code raw} (non-negative scores, one per unit of {@code layout}). */
  public double[] apply(double[] raw, UnitLayout layout) {
    double[] v = raw.clone();
    if (this == NONE) {
      return v;
    }
    if (this == LAYER_L2) {
      for (int l = 0; l < layout.numLayers(); l++) {
        double ss = 0;
        for (int k = 0; k < layout.layerSize(l); k++) {
          double s = v[layout.member(l, k)];
          ss += s * s;
        }
        double norm = Math.sqrt(ss);
        for (int k = 0; k < layout.layerSize(l); k++) {
          v[layout.member(l, k)] = norm > 0 ? v[layout.member(l, k)] / norm : 0;
        }
      }
    }
    double max = 0;
    for (double s : v) {
      max = Math.max(max, s);
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = max > 0 ? v[i] / max : 0;
    }
    return v;
  }

  @Override
  public String toString() {
    return id;
  }
}
