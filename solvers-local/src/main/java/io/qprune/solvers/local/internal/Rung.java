package io.qprune.solvers.local.internal;

import io.qprune.api.Cardinality;

/**
 * One temperature of a replica method with the acceptance tables its sweeps read: exp(−βd) for
 * {@link Chain}, 32-bit thresholds for {@link IntChain}, built once per temperature.
 */
public final class Rung {
  /** ln(2^32): a cost beyond this / β is accepted with probability below 2^-32. */
  private static final double SKIP = 32 * Math.log(2);
  /** Longest threshold table; costs beyond it (hot rungs of models with huge fields) call exp. */
  private static final int TABLE_CAP = 1 << 16;
  public final double beta;
  final double[] accept;
  /** thresholds[d] = floor(exp(−βd)·2^32) − 1 for costs d in [0, length); −1 never accepts. */
  final long[] thresholds;
  /** Costs from here on are never accepted. */
  final int never;

  private Rung(double beta, double[] accept, long[] thresholds, int never) {
    this.beta = beta;
    this.accept = accept;
    this.thresholds = thresholds;
    this.never = never;
  }

  /** The rung at beta for chains of model m under an optional cardinality. */
  public static Rung of(BinaryForm m, double beta, Cardinality card) {
    double[] accept = Chain.acceptance(m, beta, card);
    if (!m.isIntegral() || card != null) {
      return new Rung(beta, accept, null, Integer.MAX_VALUE);
    }
    double reach = Math.min(m.maxField, SKIP / beta);
    int never = (int) Math.min(Integer.MAX_VALUE - 1L, (long) Math.floor(reach) + 1);
    long[] t = new long[Math.min(never, TABLE_CAP)];
    for (int d = 0; d < t.length; d++) {
      t[d] = (long) (Math.exp(-beta * d) * 4294967296.0) - 1;
    }
    t[0] = 0xFFFFFFFFL;
    return new Rung(beta, accept, t, never);
  }

  /** Rungs for the betas. */
  public static Rung[] of(BinaryForm m, double[] betas, Cardinality card) {
    Rung[] r = new Rung[betas.length];
    for (int k = 0; k < betas.length; k++) {
      r[k] = of(m, betas[k], card);
    }
    return r;
  }
}
