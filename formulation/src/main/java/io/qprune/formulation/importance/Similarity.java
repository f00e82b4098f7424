package io.qprune.formulation.importance;

import io.qprune.api.InvalidInputException;

/**
 * Within-layer redundancy: for each layer a symmetric matrix {@code S[a][b] ≥ 0} over the
 * layer's units (positions as in {@link UnitLayout#indexInLayer}); the diagonal is ignored.
 */
public final class Similarity {
  private final double[][][] perLayer;

  private Similarity(double[][][] perLayer) {
    this.perLayer = perLayer;
  }

  /**
   * Wraps per-layer matrices (copied), clipping negatives at 0; {@code source} names where they
   * came from in errors. Shapes must match the layout, values be finite cosines in [-1, 1] (a
   * small rounding slack is allowed) and matrices symmetric.
   */
  public static Similarity of(UnitLayout layout, double[][][] matrices, String source) {
    if (matrices.length != layout.numLayers()) {
      throw new InvalidInputException(source + ": " + matrices.length
          + " similarity matrices for " + layout.numLayers() + " layers");
    }
    double[][][] out = new double[matrices.length][][];
    for (int l = 0; l < matrices.length; l++) {
      String layer = layout.layers().get(l);
      int m = layout.layerSize(l);
      double[][] s = matrices[l];
      if (s == null) {
        throw new InvalidInputException(source + ": no similarity matrix for layer '" + layer + "'");
      }
      if (s.length != m) {
        throw new InvalidInputException(source + ": similarity of layer '" + layer + "' is "
            + s.length + "x?, but the layer has " + m + " units");
      }
      out[l] = new double[m][m];
      for (int a = 0; a < m; a++) {
        if (s[a].length != m) {
          throw new InvalidInputException(source + ": similarity of layer '" + layer + "' row " + a
              + " has " + s[a].length + " values, expected " + m);
        }
        for (int b = 0; b < m; b++) {
          double v = s[a][b];
          if (!Double.isFinite(v) || v < -1 - 1e-4 || v > 1 + 1e-4) {
            throw new InvalidInputException(source + ": similarity of layer '" + layer + "' at ["
                + a + "][" + b + "] is " + v + "; cosine similarities lie in [-1, 1]");
          }
          out[l][a][b] = a == b ? 0 : Math.max(0, Math.min(1, v));
        }
      }
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          if (Math.abs(s[a][b] - s[b][a]) > 1e-4) {
            throw new InvalidInputException(source + ": similarity of layer '" + layer
                + "' is not symmetric: [" + a + "][" + b + "] = " + s[a][b] + " but [" + b + "]["
                + a + "] = " + s[b][a]);
          }
        }
      }
    }
    return new Similarity(out);
  }

  public int numLayers() {
    return perLayer.length;
  }

  /** {@code S} of the a-th and b-th unit of layer l (0 on the diagonal). */
  public double get(int layer, int a, int b) {
    return perLayer[layer][a][b];
  }

  /** A copy of layer l's matrix. */
  public double[][] layer(int l) {
    double[][] c = new double[perLayer[l].length][];
    for (int a = 0; a < c.length; a++) {
      c[a] = perLayer[l][a].clone();
    }
    return c;
  }

  /** The mean off-diagonal similarity over all layers (a quick summary for reports). */
  public double meanOffDiagonal() {
    double s = 0;
    long n = 0;
    for (double[][] m : perLayer) {
      for (int a = 0; a < m.length; a++) {
        for (int b = 0; b < m.length; b++) {
          if (a != b) {
            s += m[a][b];
            n++;
          }
        }
      }
    }
    return n == 0 ? 0 : s / n;
  }
}
