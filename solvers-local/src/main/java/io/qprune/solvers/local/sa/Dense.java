package io.qprune.solvers.local.sa;

import io.qprune.solvers.local.internal.BinaryForm;

/** Row-major n×n copies of the interaction weights, for dense models (zero diagonal). */
final class Dense {
  private Dense() {}

  static int[] ints(BinaryForm m) {
    int[] d = new int[m.n * m.n];
    for (int i = 0; i < m.n; i++) {
      for (int k = m.start[i]; k < m.start[i + 1]; k++) {
        d[i * m.n + m.nb[k]] = m.wInt[k];
      }
    }
    return d;
  }

  static double[] doubles(BinaryForm m) {
    double[] d = new double[m.n * m.n];
    for (int i = 0; i < m.n; i++) {
      for (int k = m.start[i]; k < m.start[i + 1]; k++) {
        d[i * m.n + m.nb[k]] = m.w[k];
      }
    }
    return d;
  }
}
