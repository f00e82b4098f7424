package io.qprune.solvers.local.protes;

/**
 * The analytic gradient of Σ_s weight_s · log p(x_s) with respect to the flat core parameters,
 * in three parts (spec "Analytic gradient"): the direct term, the left chain through q̂ and the
 * right interfaces through ẑ. The parts that repeat over slices (direct term ⊗ ẑ and the right
 * chain, which reaches every slice alike) are summed over samples first and spread once in
 * {@link #result()}, so each sample costs O(d·n·r²).
 */
final class Gradient {
  private final Distribution p;
  private final TensorTrain tt;
  private final double[] grad;
  private final double[][] direct; // Σ_s weight·ĉ_k(j)·q̂_{k-1}[a] at [j·left(k) + a]
  private final double[][] every; // Σ_s weight·ĥ_k[a] / μ_k, added to every slice ⊗ ẑ_{k+1}

  Gradient(Distribution p) {
    this.p = p;
    this.tt = p.tt;
    int d = tt.dimensions();
    grad = new double[tt.size()];
    direct = new double[d][];
    every = new double[d][];
    for (int k = 0; k < d; k++) {
      direct[k] = new double[tt.choices() * tt.left(k)];
      every[k] = new double[tt.left(k)];
    }
  }

  /** Adds weight · ∇ log p(x); x must satisfy the count constraint. */
  void add(int[] x, double weight) {
    Walk walk = new Walk(p);
    if (walk.run(x.clone(), null) == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("point outside the constrained support");
    }
    int d = tt.dimensions();
    int n = tt.choices();
    double[] c = new double[n];
    double[] hPrev = null; // ĥ: gradient w.r.t. ẑ to the right of core k-1
    double[][] u = new double[d][];
    for (int k = 0; k < d; k++) {
      int rl = tt.left(k);
      int rr = tt.right(k);
      double[] qk = walk.q[k];
      coefficients(walk, k, n, c);
      double[] wk = p.w[k];
      double[] uk = new double[rl];
      double[] vk = new double[rr];
      double[] dk = direct[k];
      for (int j = 0; j < n; j++) {
        double cj = c[j];
        if (cj == 0) {
          continue;
        }
        for (int a = 0; a < rl; a++) {
          uk[a] += cj * wk[j * rl + a];
          dk[j * rl + a] += weight * cj * qk[a];
          int row = tt.index(k, a, j, 0);
          double cq = cj * qk[a];
          for (int b = 0; b < rr; b++) {
            vk[b] += cq * tt.get(row + b);
          }
        }
      }
      u[k] = uk;
      if (k > 0) {
        double[] hk = p.h[k];
        double inv = 1.0 / p.mu[k];
        for (int a = 0; a < rl; a++) {
          every[k][a] += weight * hPrev[a] * inv;
        }
        for (int b = 0; b < rr; b++) { // ĥ_k = v̂_k + H_kᵀ ĥ_{k-1} / μ_k
          double s = 0;
          for (int a = 0; a < rl; a++) {
            s += hk[a * rr + b] * hPrev[a];
          }
          vk[b] += s * inv;
        }
      }
      hPrev = vk;
    }
    double[] g = new double[1]; // ĝ: gradient w.r.t. q̂ to the right of core k; zero after the last
    for (int k = d - 1; k >= 0; k--) {
      int rl = tt.left(k);
      int rr = tt.right(k);
      double[] qk = walk.q[k];
      int xk = x[k];
      double inv = 1.0 / walk.nu[k];
      double[] prev = u[k].clone();
      if (k < d - 1) {
        for (int a = 0; a < rl; a++) {
          int row = tt.index(k, a, xk, 0);
          double s = 0;
          for (int b = 0; b < rr; b++) {
            grad[row + b] += weight * qk[a] * g[b] * inv;
            s += tt.get(row + b) * g[b];
          }
          prev[a] += s * inv;
        }
      }
      g = prev;
    }
  }

  /** ĉ_k(j) = δ(j, x_k) / a_k(x_k) − sign(a_k(j)) / Σ|a_k|, zero for a forbidden choice. */
  private static void coefficients(Walk walk, int k, int n, double[] c) {
    double s = Math.max(walk.sum[k], Distribution.TINY);
    int xk = walk.x[k];
    for (int j = 0; j < n; j++) {
      if (!walk.allowed[k * n + j]) {
        c[j] = 0;
        continue;
      }
      c[j] = -Math.signum(walk.a[k * n + j]) / s;
    }
    double ax = walk.a[k * n + xk];
    double guarded = Math.abs(ax) < Distribution.TINY ? Math.copySign(Distribution.TINY, ax) : ax;
    c[xk] += 1.0 / guarded;
  }

  /** The accumulated gradient, flat like {@link TensorTrain#parameters()}. */
  double[] result() {
    double[] out = grad.clone();
    int d = tt.dimensions();
    int n = tt.choices();
    for (int k = 0; k < d; k++) {
      int rl = tt.left(k);
      int rr = tt.right(k);
      double[] z = p.zr[k];
      for (int a = 0; a < rl; a++) {
        for (int j = 0; j < n; j++) {
          int row = tt.index(k, a, j, 0);
          double dj = direct[k][j * rl + a] + every[k][a];
          for (int b = 0; b < rr; b++) {
            out[row + b] += dj * z[b];
          }
        }
      }
    }
    return out;
  }
}
