package io.qprune.formulation.capacity;

import io.qprune.api.Adjacency;
import io.qprune.api.Qubo;

/**
 * A binary assignment of a BINARY QUBO with its local fields {@code f_i = h_i + Σ_j W_ij x_j},
 * kept current on every flip: turning i on changes the energy by {@code f_i}, off by
 * {@code −f_i}; swapping i off and j on by {@code f_j − f_i − W_ij}.
 */
final class LocalFields {
  private final Qubo qubo;
  private final Adjacency adj;
  private final boolean[] x;
  private final double[] field;
  private double energy;
  private int ones;

  LocalFields(Qubo qubo, boolean[] start) {
    this.qubo = qubo;
    this.adj = qubo.adjacency();
    this.x = start.clone();
    this.field = qubo.linearBiases();
    for (int i = 0; i < x.length; i++) {
      if (x[i]) {
        ones++;
        for (int k = adj.start(i); k < adj.end(i); k++) {
          field[adj.neighbour(k)] += adj.weight(k);
        }
      }
    }
    this.energy = qubo.energy(start);
  }

  boolean get(int i) {
    return x[i];
  }

  double field(int i) {
    return field[i];
  }

  double energy() {
    return energy;
  }

  int ones() {
    return ones;
  }

  int size() {
    return x.length;
  }

  /** The energy change of flipping i. */
  double flipDelta(int i) {
    return x[i] ? -field[i] : field[i];
  }

  /** The energy change of turning {@code off} off and {@code on} on (off kept, on pruned). */
  double swapDelta(int off, int on) {
    return field[on] - field[off] - qubo.quadratic(off, on);
  }

  void flip(int i) {
    energy += flipDelta(i);
    x[i] = !x[i];
    ones += x[i] ? 1 : -1;
    double sign = x[i] ? 1 : -1;
    for (int k = adj.start(i); k < adj.end(i); k++) {
      field[adj.neighbour(k)] += sign * adj.weight(k);
    }
  }

  boolean[] bits() {
    return x.clone();
  }
}
