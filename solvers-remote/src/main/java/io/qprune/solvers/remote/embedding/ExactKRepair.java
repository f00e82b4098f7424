package io.qprune.solvers.remote.embedding;

import io.qprune.api.Adjacency;
import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;

/**
 * Greedy repair of a BINARY assignment to an exact cardinality: while a group keeps too many, clear
 * the set variable whose clearing lowers the energy most; while too few, set the cheapest clear one.
 */
public final class ExactKRepair {
  private ExactKRepair() {}

  /** Repairs {@code x} (set variables of the BINARY form of the model) in place to exactly k per group. */
  public static void repair(Qubo binary, boolean[] x, Cardinality k) {
    int n = x.length;
    k.checkFits(n);
    Adjacency a = binary.adjacency();
    double[] field = new double[n]; // energy change of setting i, given the others
    for (int i = 0; i < n; i++) {
      field[i] = binary.linear(i);
      for (int e = a.start(i); e < a.end(i); e++) {
        if (x[a.neighbour(e)]) {
          field[i] += a.weight(e);
        }
      }
    }
    int[] count = new int[k.numGroups()];
    for (int i = 0; i < n; i++) {
      if (x[i]) {
        count[k.groupOf(i)]++;
      }
    }
    for (int g = 0; g < count.length; g++) {
      while (count[g] != k.count(g)) {
        boolean clear = count[g] > k.count(g);
        int best = -1;
        for (int i = 0; i < n; i++) {
          if (k.groupOf(i) == g && x[i] == clear) {
            double gain = clear ? -field[i] : field[i];
            if (best < 0 || gain < (clear ? -field[best] : field[best])) {
              best = i;
            }
          }
        }
        x[best] = !clear;
        count[g] += clear ? -1 : 1;
        for (int e = a.start(best); e < a.end(best); e++) {
          field[a.neighbour(e)] += clear ? -a.weight(e) : a.weight(e);
        }
      }
    }
  }
}
