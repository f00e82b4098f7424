package io.qprune.solvers.local.descent;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;

/**
 * Steepest descent by single flips: always flip the variable whose flip lowers the energy most,
 * until none does. A heap of flip costs makes each step O(degree · log n), so a descent from a
 * random state of a sparse model takes about O(n log n).
 */
public final class SteepestDescent {
  private SteepestDescent() {}

  /**
   * Descends from x in place to a 1-flip local minimum (or until the deadline passes) and returns
   * the number of flips.
   */
  public static long descend(BinaryForm m, byte[] x, Deadline stop) {
    int n = m.n;
    if (n == 0) {
      return 0;
    }
    double[] f = new double[n];
    m.fields(x, f);
    double[] delta = new double[n];
    for (int i = 0; i < n; i++) {
      delta[i] = x[i] == 0 ? f[i] : -f[i];
    }
    MinHeap heap = new MinHeap(delta);
    long flips = 0;
    while (true) {
      int r = heap.top();
      if (!(delta[r] < -1e-9 * (1 + Math.abs(f[r])))) {
        return flips;
      }
      if ((flips & 0xFFF) == 0xFFF && stop.passed()) {
        return flips;
      }
      int sr = x[r] == 0 ? 1 : -1;
      x[r] ^= 1;
      delta[r] = -delta[r];
      heap.changed(r);
      for (int k = m.start[r]; k < m.start[r + 1]; k++) {
        int j = m.nb[k];
        double c = sr * m.w[k];
        f[j] += c;
        delta[j] += x[j] == 0 ? c : -c;
        heap.changed(j);
      }
      flips++;
    }
  }
}
