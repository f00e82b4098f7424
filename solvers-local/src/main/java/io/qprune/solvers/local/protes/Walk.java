package io.qprune.solvers.local.protes;

import java.util.SplittableRandom;

/**
 * One left-to-right pass of the PROTES recursion that draws (or reads) each x_k and records what
 * the analytic gradient needs: the normalised left vectors q̂, their norms ν, the weights a_k(j),
 * their allowed sums and which choices were allowed.
 */
final class Walk {
  final Distribution p;
  final double[][] q; // q̂ to the left of core k (size left(k))
  final double[] nu; // ν of core k: the norm of q̂_{k-1}ᵀ G_k[:, x_k, :]
  final double[] a; // a_k(j) at [k·n + j]
  final double[] sum; // Σ over allowed j of |a_k(j)|
  final boolean[] allowed; // at [k·n + j]
  int[] x;

  Walk(Distribution p) {
    this.p = p;
    TensorTrain tt = p.tt;
    int d = tt.dimensions();
    q = new double[d][];
    nu = new double[d];
    a = new double[d * tt.choices()];
    sum = new double[d];
    allowed = new boolean[d * tt.choices()];
  }

  /**
   * Walks the chain: draws x_k with {@code rng}, or reads it from x when rng is null. Returns
   * log p(x), or −∞ when a read choice is not allowed.
   */
  double run(int[] xs, SplittableRandom rng) {
    this.x = xs;
    TensorTrain tt = p.tt;
    int d = tt.dimensions();
    int n = tt.choices();
    double logp = 0;
    int count = 0;
    double[] qk = {1.0};
    for (int k = 0; k < d; k++) {
      q[k] = qk;
      int rl = tt.left(k);
      int rr = tt.right(k);
      double[] wk = p.w[k];
      double s = 0;
      for (int j = 0; j < n; j++) {
        double v = 0;
        for (int i = 0; i < rl; i++) {
          v += qk[i] * wk[j * rl + i];
        }
        a[k * n + j] = v;
        // with a count: 1 only while ones are missing; 0 only if the positions after k can hold them
        boolean ok = p.ones < 0 || (j == 1 ? count < p.ones : p.ones - count < d - k);
        allowed[k * n + j] = ok;
        if (ok) {
          s += Math.abs(v);
        }
      }
      sum[k] = s;
      int xk = rng == null ? xs[k] : draw(k, n, s, rng);
      xs[k] = xk;
      if (xk < 0 || xk >= n || !allowed[k * n + xk]) {
        return Double.NEGATIVE_INFINITY;
      }
      count += xk;
      logp += Math.log(Math.max(Math.abs(a[k * n + xk]), Distribution.TINY))
          - Math.log(Math.max(s, Distribution.TINY));
      double[] next = new double[rr];
      int base = tt.index(k, 0, xk, 0);
      int stride = n * rr;
      for (int i = 0; i < rl; i++) {
        double qi = qk[i];
        int row = base + i * stride;
        for (int b = 0; b < rr; b++) {
          next[b] += qi * tt.get(row + b);
        }
      }
      nu[k] = Distribution.normalise(next);
      qk = next;
    }
    return logp;
  }

  /** Draws choice j with probability |a_k(j)| / sum among the allowed ones (uniform if all vanish). */
  private int draw(int k, int n, double s, SplittableRandom rng) {
    double u = rng.nextDouble();
    if (!(s > 0) || Double.isInfinite(s)) {
      int allowedCount = 0;
      for (int j = 0; j < n; j++) {
        allowedCount += allowed[k * n + j] ? 1 : 0;
      }
      int pick = (int) (u * allowedCount);
      for (int j = 0; j < n; j++) {
        if (allowed[k * n + j] && pick-- == 0) {
          return j;
        }
      }
    }
    double target = u * s;
    int last = -1;
    for (int j = 0; j < n; j++) {
      if (allowed[k * n + j]) {
        last = j;
        target -= Math.abs(a[k * n + j]);
        if (target < 0) {
          return j;
        }
      }
    }
    return last; // rounding left a sliver: take the last allowed choice
  }
}
