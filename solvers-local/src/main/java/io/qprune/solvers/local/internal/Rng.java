package io.qprune.solvers.local.internal;

/**
 * A small, fast SplitMix64 generator for the solvers' outer loops. The hottest loops inline the
 * same recurrence on a local {@code long} (see {@link #state()}), so both streams stay identical.
 */
public final class Rng {
  public static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long s;

  public Rng(long seed) {
    this.s = seed;
  }

  public long nextLong() {
    s += GOLDEN;
    return Seeds.mix(s);
  }

  /** Uniform in [0, bound) for bound ≥ 1 (Lemire's multiply-shift; the bias is below 2^-32). */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** The raw state, for loops that inline the generator. */
  public long state() {
    return s;
  }

  public void setState(long state) {
    this.s = state;
  }
}
