package io.qprune.solvers.local.internal;

import io.qprune.api.Cardinality;

/**
 * One Markov chain of the replica methods ({@code pt}, {@code pa}): a binary state with its local
 * fields, its running energy and its own random stream, moved by Metropolis sweeps at a given
 * inverse temperature: single flips, or swap moves when an exact cardinality must hold.
 * Chains never share mutable state, so sweeping many of them on several threads gives the same
 * states as sweeping them one after another.
 */
public final class Chain implements Replica {
  private final BinaryForm m;
  private final Cardinality card;
  private final byte[] x;
  private final double[] field;
  private final SwapSpace space; // null for single flips
  private final Rng rng;
  private double energy;

  private Chain(BinaryForm m, Cardinality card, byte[] x, double[] field, SwapSpace space, long seed,
      double energy) {
    this.m = m;
    this.card = card;
    this.x = x;
    this.field = field;
    this.space = space;
    this.rng = new Rng(seed);
    this.energy = energy;
  }

  /** A chain starting at a random state (one that keeps the counts of card when card is given). */
  public static Chain random(BinaryForm m, Cardinality card, long seed) {
    Rng r = new Rng(seed);
    byte[] x = card == null ? Seeds.randomState(m.n, r) : SwapSpace.randomState(card, m.n, r);
    double[] f = new double[m.n];
    m.fields(x, f);
    return new Chain(m, card, x, f, card == null ? null : SwapSpace.of(card, x), r.nextLong(), m.energy(x));
  }

  /** An independent copy of this chain's state with a fresh random stream. */
  @Override
  public Chain copy(long seed) {
    byte[] y = x.clone();
    return new Chain(m, card, y, field.clone(), card == null ? null : SwapSpace.of(card, y), seed, energy);
  }

  @Override
  public double energy() {
    return energy;
  }

  @Override
  public byte[] bits() {
    return x;
  }

  public int bit(int i) {
    return x[i];
  }

  @Override
  public void sweep(Rung rung) {
    sweep(rung.beta, rung.accept);
  }

  /**
   * One sweep: n single-flip Metropolis tests in variable order, or n random swap attempts.
   * {@code accept} holds exp(−βd) for whole flip costs d in [0, accept.length) (null: call exp).
   */
  public void sweep(double beta, double[] accept) {
    if (space != null) {
      swapSweep(beta, accept);
      return;
    }
    final int n = m.n;
    final double[] f = field;
    for (int i = 0; i < n; i++) {
      double d = x[i] == 0 ? f[i] : -f[i];
      if (d <= 0 || rng.nextDouble() < probability(d, beta, accept)) {
        flip(i);
        energy += d;
      }
    }
  }

  private void swapSweep(double beta, double[] accept) {
    if (!space.canMove()) {
      return;
    }
    for (int a = 0; a < m.n; a++) {
      int i = space.randomOne(rng);
      int j = space.randomZeroBeside(i, rng);
      double d = field[j] - field[i] - m.weight(i, j);
      if (d <= 0 || rng.nextDouble() < probability(d, beta, accept)) {
        SwapMoves.apply(m, x, field, space, i, j);
        energy += d;
      }
    }
  }

  private static double probability(double d, double beta, double[] accept) {
    if (accept != null) {
      int k = (int) d;
      return k < accept.length ? accept[k] : 0.0;
    }
    return Math.exp(-beta * d);
  }

  /** The table {@link #sweep} reads for whole-number models with small fields, else null. */
  public static double[] acceptance(BinaryForm m, double beta, Cardinality card) {
    // a swap costs up to two fields plus one weight; a flip up to one field
    double reach = card == null ? m.maxField : 3 * m.maxField;
    if (!m.isIntegral() || reach > 1 << 16) {
      return null;
    }
    int len = (int) Math.min(reach + 1, Math.ceil(45 / beta) + 1); // beyond: below e^-45, never taken
    double[] t = new double[Math.max(1, len)];
    for (int d = 0; d < t.length; d++) {
      t[d] = Math.exp(-beta * d);
    }
    return t;
  }

  /** Flips variable i (single-flip chains only), updating fields and energy. */
  @Override
  public void flipAndTrack(int i) {
    energy += x[i] == 0 ? field[i] : -field[i];
    flip(i);
  }

  private void flip(int i) {
    double s = x[i] == 0 ? 1 : -1;
    x[i] ^= 1;
    for (int k = m.start[i], e = m.start[i + 1]; k < e; k++) {
      field[m.nb[k]] += s * m.w[k];
    }
  }

  /** A uniform draw from this chain's stream (for the moves that involve this chain). */
  public Rng rng() {
    return rng;
  }

  /** Lowers the state to a local minimum (single flips, or best swaps under a cardinality). */
  @Override
  public void quench() {
    if (space != null) {
      SwapMoves.descend(m, x, field, space, m.n);
      m.fields(x, field);
      energy = m.energy(x);
      return;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < m.n; i++) {
        double d = x[i] == 0 ? field[i] : -field[i];
        if (d < -1e-12) {
          flipAndTrack(i);
          changed = true;
        }
      }
    }
  }
}
