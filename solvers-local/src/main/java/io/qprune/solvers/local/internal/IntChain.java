package io.qprune.solvers.local.internal;

/**
 * The fast {@link Replica} of whole-number models without a cardinality constraint: int local
 * fields, the Metropolis test read from the rung's 32-bit threshold table, and its own inlined
 * SplitMix64 stream (one 64-bit draw for two variables), as the {@code sa} kernel does.
 */
public final class IntChain implements Replica {
  private final BinaryForm m;
  private final byte[] x;
  private final int[] field;
  private long rng;
  private double energy;

  private IntChain(BinaryForm m, byte[] x, long rng) {
    this.m = m;
    this.x = x;
    this.field = new int[m.n];
    m.fields(x, field);
    this.rng = rng;
    this.energy = m.energy(x);
  }

  /** A chain at a random state (m must be integral). */
  public static IntChain random(BinaryForm m, long seed) {
    if (!m.isIntegral()) {
      throw new IllegalArgumentException("IntChain needs a whole-number model");
    }
    Rng r = new Rng(seed);
    byte[] x = Seeds.randomState(m.n, r);
    return new IntChain(m, x, r.nextLong());
  }

  @Override
  public IntChain copy(long seed) {
    return new IntChain(m, x.clone(), new Rng(seed).nextLong());
  }

  @Override
  public double energy() {
    return energy;
  }

  @Override
  public byte[] bits() {
    return x;
  }

  // The hot loop, long on purpose: one cost per variable, the table test, the flip inlined.
  @Override
  public void sweep(Rung rung) {
    final long[] t = rung.thresholds;
    final int len = t.length;
    final int never = rung.never;
    final double beta = rung.beta;
    final byte[] x = this.x;
    final int[] f = this.field;
    final int[] start = m.start;
    final int[] nb = m.nb;
    final int[] w = m.wInt;
    final int n = m.n;
    long s = rng;
    long z = 0;
    long de = 0;
    for (int i = 0; i < n; i++) {
      if ((i & 1) == 0) {
        s += Rng.GOLDEN;
        z = s;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
      } else {
        z >>>= 32;
      }
      int sg = 1 - 2 * x[i];
      int d = sg * f[i];
      boolean take;
      if (d <= 0) {
        take = true;
      } else if (d < len) {
        take = (z & 0xFFFFFFFFL) <= t[d];
      } else {
        take = d < never && (z & 0xFFFFFFFFL) * 0x1p-32 < Math.exp(-beta * d);
      }
      if (take) {
        x[i] ^= 1;
        de += d;
        for (int k = start[i], e = start[i + 1]; k < e; k++) {
          f[nb[k]] += sg * w[k];
        }
      }
    }
    rng = s;
    energy += de;
  }

  @Override
  public void flipAndTrack(int i) {
    int sg = 1 - 2 * x[i];
    energy += sg * field[i];
    x[i] ^= 1;
    for (int k = m.start[i], e = m.start[i + 1]; k < e; k++) {
      field[m.nb[k]] += sg * m.wInt[k];
    }
  }

  @Override
  public void quench() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < m.n; i++) {
        if ((1 - 2 * x[i]) * field[i] < 0) {
          flipAndTrack(i);
          changed = true;
        }
      }
    }
  }
}
