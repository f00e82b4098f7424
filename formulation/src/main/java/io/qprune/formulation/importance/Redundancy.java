package io.qprune.formulation.importance;

import io.qprune.api.InvalidInputException;

/**
 * Computes within-layer {@link Similarity} from each unit's activation vector (its activation maps
 * over the calibration set, flattened or pooled): cosine similarity clipped at 0, optionally of
 * the mean-centred vectors (then a Pearson correlation).
 */
public final class Redundancy {
  private Redundancy() {}

  /** {@code activations[i]} is unit i's vector; vectors of one layer must have one length. */
  public static Similarity cosine(UnitLayout layout, float[][] activations, boolean centred) {
    if (activations.length != layout.size()) {
      throw new InvalidInputException("Got activations of " + activations.length + " units for "
          + layout.size() + " units");
    }
    double[][][] out = new double[layout.numLayers()][][];
    for (int l = 0; l < layout.numLayers(); l++) {
      int m = layout.layerSize(l);
      double[][] unitVecs = new double[m][];
      double[] norms = new double[m];
      for (int a = 0; a < m; a++) {
        float[] v = activations[layout.member(l, a)];
        if (a > 0 && v.length != unitVecs[0].length) {
          throw new InvalidInputException("Units of layer '" + layout.layers().get(l)
              + "' have activation vectors of different lengths");
        }
        double[] d = new double[v.length];
        double mean = 0;
        for (int t = 0; t < v.length; t++) {
          d[t] = v[t];
          mean += v[t];
        }
        mean = centred && v.length > 0 ? mean / v.length : 0;
        double ss = 0;
        for (int t = 0; t < d.length; t++) {
          d[t] -= mean;
          ss += d[t] * d[t];
        }
        unitVecs[a] = d;
        norms[a] = Math.sqrt(ss);
      }
      double[][] s = new double[m][m];
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          double dot = 0;
          double[] x = unitVecs[a];
          double[] y = unitVecs[b];
          for (int t = 0; t < x.length; t++) {
            dot += x[t] * y[t];
          }
          // a dead (all-zero) unit is similar to nothing
          double c = norms[a] > 0 && norms[b] > 0 ? dot / (norms[a] * norms[b]) : 0;
          s[a][b] = s[b][a] = Math.max(-1, Math.min(1, c));
        }
      }
      out[l] = s;
    }
    return Similarity.of(layout, out, "activations");
  }
}
