package io.qprune.formulation.cost;

/** Non-negative least squares for the latency fits (small dense problems: tens of columns). */
final class Nnls {
  private Nnls() {}

  /**
   * Non-negative least squares, min ‖A·w − b‖² over w ≥ 0, by exact coordinate descent on the
   * normal equations (convex, so it converges to the minimum; a column that is all zeros gets 0).
   */
  static double[] solve(double[][] a, double[] b) {
    int p = a[0].length;
    double[][] g = new double[p][p];
    double[] h = new double[p];
    for (int s = 0; s < a.length; s++) {
      for (int i = 0; i < p; i++) {
        h[i] += a[s][i] * b[s];
        for (int j = 0; j < p; j++) {
          g[i][j] += a[s][i] * a[s][j];
        }
      }
    }
    double[] w = new double[p];
    double[] gw = new double[p];
    for (int sweep = 0; sweep < 200_000; sweep++) {
      double moved = 0;
      double size = 0;
      for (int i = 0; i < p; i++) {
        if (g[i][i] <= 0) {
          continue;
        }
        double next = Math.max(0, w[i] + (h[i] - gw[i]) / g[i][i]);
        double d = next - w[i];
        if (d != 0) {
          for (int j = 0; j < p; j++) {
            gw[j] += g[j][i] * d;
          }
          w[i] = next;
        }
        moved = Math.max(moved, Math.abs(d) * Math.sqrt(g[i][i]));
        size = Math.max(size, Math.abs(w[i]) * Math.sqrt(g[i][i]));
      }
      if (moved <= 1e-12 * Math.max(size, 1e-300)) {
        break;
      }
    }
    return w;
  }
}
