package io.qprune.formulation.cost;

/**
 * The least-squares fit {@code t ≈ a + b·k_in + c·k_out + d·k_in·k_out} of one layer's latency
 * grid, by the normal equations (4 × 4, solved by Gaussian elimination with partial pivoting); a
 * grid with one input width (a layer reading the image) fits {@code a + c·k_out} (b = d = 0).
 */
final class BilinearFit {
  private BilinearFit() {}

  /** {a, b, c, d}. */
  static double[] fit(LatencyTable.Grid g) {
    boolean fixedIn = g.kIn().length == 1;
    int p = fixedIn ? 2 : 4;
    double[][] ata = new double[p][p];
    double[] atb = new double[p];
    for (int a = 0; a < g.kIn().length; a++) {
      for (int b = 0; b < g.kOut().length; b++) {
        double x = g.kIn()[a];
        double y = g.kOut()[b];
        double[] row = fixedIn ? new double[] {1, y} : new double[] {1, x, y, x * y};
        for (int i = 0; i < p; i++) {
          atb[i] += row[i] * g.ms()[a][b];
          for (int j = 0; j < p; j++) {
            ata[i][j] += row[i] * row[j];
          }
        }
      }
    }
    double[] s = solve(ata, atb);
    if (fixedIn) {
      // the fixed input width folds into the constant and the per-unit slope
      return new double[] {s[0], 0, s[1], 0};
    }
    return s;
  }

  /** Solves {@code m · x = v} (m symmetric positive semi-definite); m and v are overwritten. */
  static double[] solve(double[][] m, double[] v) {
    int n = v.length;
    double trace = 0;
    for (int i = 0; i < n; i++) {
      trace += m[i][i];
    }
    for (int i = 0; i < n; i++) {
      // a tiny ridge: a grid with one output width leaves terms in k_out unidentifiable
      m[i][i] += 1e-13 * trace + 1e-300;
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      double tv = v[c];
      v[c] = v[piv];
      v[piv] = tv;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k < n; k++) {
          m[r][k] -= f * m[c][k];
        }
        v[r] -= f * v[c];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = v[i];
      for (int k = i + 1; k < n; k++) {
        s -= m[i][k] * x[k];
      }
      x[i] = s / m[i][i];
    }
    return x;
  }
}
