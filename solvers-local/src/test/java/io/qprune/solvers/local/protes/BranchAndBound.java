package io.qprune.solvers.local.protes;

import io.qprune.api.Qubo;

/** An exact test oracle for binary models somewhat beyond brute force (~30 dense variables): depth-first branch and bound. */
final class BranchAndBound {
  private final int n;
  private final double[][] w;
  private final double[] neg; // Σ_{j>i} min(0, W_ij): the most the later pairs can lower x_i's share
  private double best = Double.POSITIVE_INFINITY;

  private BranchAndBound(Qubo binary) {
    n = binary.numVariables();
    w = new double[n][n];
    neg = new double[n];
    binary.forEachInteraction((i, j, v) -> {
      w[i][j] += v;
      w[j][i] += v;
    });
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        neg[i] += Math.min(0, w[i][j]);
      }
    }
  }

  static double minimum(Qubo q) {
    Qubo b = q.toBinary();
    BranchAndBound s = new BranchAndBound(b);
    s.search(0, b.offset(), b.linearBiases());
    return s.best;
  }

  private void search(int t, double e, double[] f) {
    if (t == n) {
      best = Math.min(best, e);
      return;
    }
    double bound = e;
    for (int i = t; i < n; i++) {
      bound += Math.min(0, f[i] + neg[i]);
    }
    if (bound >= best) {
      return;
    }
    boolean oneFirst = f[t] < 0;
    for (int pass = 0; pass < 2; pass++) {
      if ((pass == 0) == oneFirst) {
        double[] g = f.clone();
        for (int i = t + 1; i < n; i++) {
          g[i] += w[t][i];
        }
        search(t + 1, e + f[t], g);
      } else {
        search(t + 1, e, f);
      }
    }
  }
}
