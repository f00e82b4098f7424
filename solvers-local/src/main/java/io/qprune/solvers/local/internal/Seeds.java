package io.qprune.solvers.local.internal;

/** Derives independent per-read seeds from a request seed and draws random states. */
public final class Seeds {
  private Seeds() {}

  /** The SplitMix64 finaliser: a bijective, well-mixing hash of a 64-bit value. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed of read {@code r} of a solve seeded with {@code seed}. */
  public static long forRead(long seed, long r) {
    return mix(mix(seed) + 0x9E3779B97F4A7C15L * (r + 1));
  }

  /** A uniformly random binary state. */
  public static byte[] randomState(int n, Rng rng) {
    byte[] x = new byte[n];
    for (int i = 0; i < n; i += 64) {
      long bits = rng.nextLong();
      for (int b = 0; b < 64 && i + b < n; b++) {
        x[i + b] = (byte) (bits >>> b & 1L);
      }
    }
    return x;
  }
}
