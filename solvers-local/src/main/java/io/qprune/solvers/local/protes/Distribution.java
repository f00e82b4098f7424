package io.qprune.solvers.local.protes;

import java.util.SplittableRandom;

/**
 * The distribution a {@link TensorTrain} defines, ready to sample: the normalised right interfaces
 * ẑ and their norms μ, the slice sums H_k and the vectors W_k[j] = G_k[:, j, :] ẑ_{k+1}, so each
 * step of the left-to-right walk costs O(n·r + r²). Sampling and the likelihood share that walk.
 * With an exact count of ones (binary only), choices that would make the count unreachable are
 * dropped from the normalising sums.
 */
final class Distribution {
  /** Guards log 0 and 1/0 for a choice whose weight vanished. */
  static final double TINY = 1e-300;

  final TensorTrain tt;
  final int ones; // required count of ones, or -1
  final double[][] zr; // ẑ to the right of core k (size right(k)); [1] for the last core
  final double[] mu; // μ of core k ≥ 1: the norm that made zr[k-1]
  final double[][] h; // H_k = Σ_j G_k[:, j, :], left(k) × right(k), row-major
  final double[][] w; // W_k[j][a] at [j·left(k) + a]

  Distribution(TensorTrain tt, int ones) {
    this.tt = tt;
    this.ones = ones;
    int d = tt.dimensions();
    int n = tt.choices();
    zr = new double[d][];
    mu = new double[d];
    h = new double[d][];
    w = new double[d][];
    zr[d - 1] = new double[] {1.0};
    for (int k = d - 1; k >= 0; k--) {
      int rl = tt.left(k);
      int rr = tt.right(k);
      double[] hk = new double[rl * rr];
      double[] wk = new double[n * rl];
      double[] z = zr[k];
      for (int a = 0; a < rl; a++) {
        for (int j = 0; j < n; j++) {
          int base = tt.index(k, a, j, 0);
          double s = 0;
          for (int b = 0; b < rr; b++) {
            double g = tt.get(base + b);
            hk[a * rr + b] += g;
            s += g * z[b];
          }
          wk[j * rl + a] = s;
        }
      }
      h[k] = hk;
      w[k] = wk;
      if (k > 0) {
        double[] next = new double[rl];
        for (int a = 0; a < rl; a++) {
          double s = 0;
          for (int b = 0; b < rr; b++) {
            s += hk[a * rr + b] * z[b];
          }
          next[a] = s;
        }
        mu[k] = normalise(next);
        zr[k - 1] = next;
      }
    }
  }

  /** Divides v by its Euclidean norm and returns the norm (1 for a zero or non-finite norm, v unchanged). */
  static double normalise(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    double norm = Math.sqrt(s);
    if (!(norm > 0) || Double.isInfinite(norm)) {
      return 1.0;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
    return norm;
  }

  /** A sample drawn with {@code rng}. */
  int[] sample(SplittableRandom rng) {
    Walk walk = new Walk(this);
    int[] x = new int[tt.dimensions()];
    walk.run(x, rng);
    return x;
  }

  /** log p(x); −∞ only when x breaks the count constraint. */
  double logLikelihood(int[] x) {
    Walk walk = new Walk(this);
    return walk.run(x.clone(), null);
  }
}
