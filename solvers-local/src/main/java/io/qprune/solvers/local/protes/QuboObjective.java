package io.qprune.solvers.local.protes;

import io.qprune.api.blackbox.Objective;
import io.qprune.solvers.local.internal.BinaryForm;
import java.util.List;

/** The energy of binary states of a model, read from its symmetric CSR form: O(n + nnz) per state. */
final class QuboObjective implements Objective {
  private final BinaryForm m;
  private final double offset;

  QuboObjective(BinaryForm m, double offset) {
    this.m = m;
    this.offset = offset;
  }

  @Override
  public double[] evaluate(List<int[]> points) {
    double[] out = new double[points.size()];
    for (int p = 0; p < out.length; p++) {
      out[p] = energy(points.get(p));
    }
    return out;
  }

  double energy(int[] x) {
    double e = offset;
    for (int i = 0; i < m.n; i++) {
      if (x[i] == 0) {
        continue;
      }
      double f = m.lin[i];
      double pair = 0;
      for (int k = m.start[i], end = m.start[i + 1]; k < end; k++) {
        if (x[m.nb[k]] != 0) {
          pair += m.w[k];
        }
      }
      e += f + 0.5 * pair; // each pair appears in both rows
    }
    return e;
  }
}
