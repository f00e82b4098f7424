package io.qprune.solvers.local.protes;

/** The number of feasible binary states, 2^n or C(n, ones), saturating at Long.MAX_VALUE. */
final class SpaceSize {
  /** Spaces up to this size are tracked across restarts (a few MB of keys at most). */
  static final long TRACKED = 1 << 16;

  private SpaceSize() {}

  static long of(int n, int ones) {
    if (ones < 0) {
      return n >= 63 ? Long.MAX_VALUE : 1L << n;
    }
    long c = 1;
    int k = Math.min(ones, n - ones);
    for (int i = 1; i <= k; i++) {
      if (c > Long.MAX_VALUE / (n - k + i)) {
        return Long.MAX_VALUE;
      }
      c = c * (n - k + i) / i; // exact: c·(n−k+i) is divisible by i at every step
    }
    return c;
  }
}
