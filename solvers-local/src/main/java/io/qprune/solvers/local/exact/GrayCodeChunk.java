package io.qprune.solvers.local.exact;

import io.qprune.api.Budget;
import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import java.util.Arrays;
import java.util.List;

/** The hot loop of {@code exact}: one chunk of the state space in Gray-code order. */
final class GrayCodeChunk {
  private GrayCodeChunk() {}

  /** The model as flat arrays, shared read-only by all chunks. */
  static final class Model {
    final int n;
    final double[] lin;
    final int[] start;
    final int[] nb;
    final double[] w;
    final double offset;
    final int low;
    final int high;
    final Cardinality card;

    private Model(Qubo q, Cardinality card) {
      this.n = q.numVariables();
      this.lin = q.linearBiases();
      this.start = q.adjacency().offsets();
      this.nb = q.adjacency().neighbourIndices();
      this.w = q.adjacency().neighbourWeights();
      this.offset = q.offset();
      this.low = q.vartype().low();
      this.high = q.vartype().high();
      this.card = card;
    }

    static Model of(Qubo q, Cardinality c) {
      return new Model(q, c);
    }

    int value(long state, int i) {
      return (state >>> i & 1L) != 0 ? high : low;
    }
  }

  /** The best states of a chunk, kept sorted by (energy, state). */
  static final class Result {
    final double[] energies;
    final long[] states;
    int size;
    boolean complete = true;
    long visited;

    Result(int capacity) {
      energies = new double[capacity];
      states = new long[capacity];
    }

    boolean wouldKeep(double e) {
      return size < energies.length || e <= energies[size - 1];
    }

    void offer(double e, long state) {
      int cap = energies.length;
      if (size == cap && (e > energies[cap - 1] || (e == energies[cap - 1] && state > states[cap - 1]))) {
        return;
      }
      int pos = size < cap ? size++ : cap - 1;
      while (pos > 0 && (energies[pos - 1] > e || (energies[pos - 1] == e && states[pos - 1] > state))) {
        energies[pos] = energies[pos - 1];
        states[pos] = states[pos - 1];
        pos--;
      }
      energies[pos] = e;
      states[pos] = state;
    }

    static Result merge(List<Result> parts, int capacity) {
      Result all = new Result(capacity);
      for (Result r : parts) {
        for (int k = 0; k < r.size; k++) {
          all.offer(r.energies[k], r.states[k]);
        }
      }
      return all;
    }
  }

  /** Enumerates the 2^lowBits states whose top bits equal {@code chunk}. */
  static Result run(Model m, int chunk, int lowBits, int keep, Budget budget) {
    Result res = new Result(keep);
    if (chunk > 0 && budget.exhausted()) { // otherwise every remaining chunk would still run 2^16 steps
      res.complete = false;
      return res;
    }
    int n = m.n;
    long state = (long) chunk << lowBits;
    double[] field = new double[n];
    int[] val = new int[n];
    for (int i = 0; i < n; i++) {
      val[i] = m.value(state, i);
    }
    double e = m.offset;
    for (int i = 0; i < n; i++) {
      double f = m.lin[i];
      for (int k = m.start[i]; k < m.start[i + 1]; k++) {
        f += m.w[k] * val[m.nb[k]];
      }
      field[i] = f;
      e += val[i] * (m.lin[i] + f) / 2; // each pair counted from both ends
    }
    Cardinality c = m.card;
    int groups = c == null ? 0 : c.numGroups();
    int[] groupOf = new int[c == null ? 0 : n];
    int[] need = new int[groups];
    int[] have = new int[groups];
    int satisfied = 0;
    if (c != null) {
      for (int i = 0; i < n; i++) {
        groupOf[i] = c.groupOf(i);
        if (val[i] == m.high) {
          have[groupOf[i]]++;
        }
      }
      for (int g = 0; g < groups; g++) {
        need[g] = c.count(g);
        satisfied += have[g] == need[g] ? 1 : 0;
      }
    }
    long total = 1L << lowBits;
    long step = 0;
    while (true) {
      if (satisfied == groups && res.wouldKeep(e)) {
        res.offer(e, state);
      }
      step++;
      if (step == total) {
        break;
      }
      if ((step & 0xFFFF) == 0 && budget.exhausted()) {
        res.complete = false;
        break;
      }
      int i = Long.numberOfTrailingZeros(step);
      int d = (val[i] == m.high ? m.low : m.high) - val[i];
      e += d * field[i];
      val[i] += d;
      state ^= 1L << i;
      for (int k = m.start[i]; k < m.start[i + 1]; k++) {
        field[m.nb[k]] += m.w[k] * d;
      }
      if (c != null) {
        int g = groupOf[i];
        boolean was = have[g] == need[g];
        have[g] += d > 0 ? 1 : -1;
        boolean is = have[g] == need[g];
        satisfied += (is ? 1 : 0) - (was ? 1 : 0);
      }
    }
    res.visited = step;
    return res;
  }
}
