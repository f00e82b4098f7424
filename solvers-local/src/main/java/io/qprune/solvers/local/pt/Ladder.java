package io.qprune.solvers.local.pt;

import io.qprune.api.Qubo;
import io.qprune.solvers.local.sa.BetaSchedule;

/**
 * Inverse-temperature ladders of the replica methods. The cold end is where dwave-samplers'
 * annealing schedule ends (the smallest excitation is taken with total probability 1 %). The hot
 * end of {@link #range} sits a fixed factor above the model's spin-glass temperature as the Bethe
 * (tree) approximation puts it, from its couplings alone; {@link #respace} then moves the rungs so
 * that neighbours exchange at the same rate.
 */
public final class Ladder {
  /** T_hot = HOT × T_c(Bethe): just hot enough to forget a state within a few sweeps (hotter rungs cost sweeps and add little). */
  static final double HOT = 1.2;
  /**
   * The exchange rate a resized ladder aims at. For Gaussian energies a pair a distance x apart in
   * thermodynamic length exchanges at erfc(x/2); a replica's round trip takes ~R²/a rounds of R
   * replica sweeps, so for a fixed total length the cost R³/erfc(x/2) is least at x/2 ≈ 1.09,
   * where erfc gives 0.12 (3·erfc(y) = y·2/√π·e^(−y²)).
   */
  static final double TARGET = 0.12;
  /** Exchange rates above this count as this (the length of such a pair is near 0 anyway). */
  static final double FROZEN = 0.9;
  static final int MIN_RUNGS = 4;
  /** Couplings sampled for the Bethe estimate on large models (every k-th, with weight k). */
  private static final int SAMPLE = 1 << 16;

  private Ladder() {}

  /** [hot, cold] betas, the first version's: T_hot from the largest field (pa still uses it). */
  public static double[] defaultRange(Qubo model) {
    double[] dw = BetaSchedule.defaultRange(model);
    double maxField = Math.log(2) / (2 * dw[0]); // dwave's hot end is ln2 / (2 max field)
    double hot = Math.min(2 / maxField, dw[1] / 2);
    return new double[] {hot, dw[1]};
  }

  /** [hot, cold] betas: HOT × the Bethe spin-glass temperature, dwave's cold end. */
  public static double[] range(Qubo model) {
    double cold = BetaSchedule.defaultRange(model)[1];
    double bc = betheBeta(model.toSpin(), cold);
    double hot = Math.min(bc / HOT, cold / 4);
    return new double[] {hot, cold};
  }

  /**
   * The β where Σ_j tanh²(β|J_ij|)·(d_i − 1)/d_i, averaged over the spins, reaches 1 (the
   * spin-glass instability of a tree-like graph; (d − 1)·tanh²(βJ) = 1 on a d-regular one), or
   * 0.8 of its largest value where it never reaches 1 (graphs too sparse to order).
   */
  static double betheBeta(Qubo ising, double cold) {
    int n = ising.numVariables();
    int[] deg = new int[n];
    ising.forEachInteraction((i, j, b) -> {
      if (b != 0) {
        deg[i]++;
        deg[j]++;
      }
    });
    long entries = 0;
    for (int d : deg) {
      entries += d;
    }
    if (entries == 0) {
      return cold;
    }
    int stride = (int) Math.max(1, (entries + SAMPLE - 1) / SAMPLE);
    double[] j = new double[(int) (entries / stride) + 2];
    double[] a = new double[j.length];
    int[] at = {0, 0};
    ising.forEachInteraction((p, q, b) -> {
      if (b == 0) {
        return;
      }
      for (int v : new int[] {p, q}) {
        if (at[1]++ % stride == 0 && at[0] < j.length) {
          j[at[0]] = Math.abs(b);
          a[at[0]++] = stride * (deg[v] - 1) / (double) deg[v];
        }
      }
    });
    int len = at[0];
    double max = 0;
    for (int k = 0; k < len; k++) {
      max += a[k];
    }
    double target = Math.min(1, 0.8 * max / n);
    double lo = 1e-9 * cold;
    double hi = 1e3 * cold;
    for (int it = 0; it < 100 && hi / lo > 1 + 1e-6; it++) {
      double mid = Math.sqrt(lo * hi);
      double g = 0;
      for (int k = 0; k < len; k++) {
        double t = Math.tanh(mid * j[k]);
        g += a[k] * t * t;
      }
      if (g / n < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.sqrt(lo * hi);
  }

  /** {@code count} betas spaced geometrically from range[0] to range[1] (both > 0). */
  public static double[] geometric(double[] range, int count) {
    double[] b = new double[count];
    for (int k = 0; k < count; k++) {
      b[k] = count == 1 ? range[1] : range[0] * Math.pow(range[1] / range[0], k / (double) (count - 1));
    }
    return b;
  }

  /**
   * A new ladder from the exchange rates measured on this one: both ends stay, and the rungs cut the thermodynamic length between them (2·erfc⁻¹(a) per pair) into pieces
   * that exchange at {@link #TARGET}: at least {@link #MIN_RUNGS} rungs, at most as many as now.
   */
  static double[] resize(double[] betas, double[] acceptance) {
    // The cold end stays even where the coldest pairs exchange freely: on the pruning QUBOs (tiny
    // energy gaps under a large penalty) pairs at 0.9 or more were not frozen, and cutting there cost.
    int cold = betas.length - 1;
    double[] s = new double[cold + 1];
    for (int k = 1; k <= cold; k++) {
      s[k] = s[k - 1] + length(acceptance[k - 1]);
    }
    // Never more rungs than now: where pairs rarely exchange (multi-scale energies, the pruning
    // QUBOs' cold end) more rungs cost sweeps and were measured not to help.
    int count = (int) Math.max(Math.min(MIN_RUNGS, betas.length),
        Math.min(betas.length, Math.ceil(s[cold] / length(TARGET) - 1e-9) + 1));
    double[] out = new double[count];
    out[0] = betas[0];
    out[count - 1] = betas[cold];
    int seg = 0;
    for (int k = 1; k < count - 1; k++) {
      double want = s[cold] * k / (count - 1);
      while (seg < cold - 1 && s[seg + 1] < want) {
        seg++;
      }
      double f = (want - s[seg]) / (s[seg + 1] - s[seg]);
      out[k] = betas[seg] + f * (betas[seg + 1] - betas[seg]);
    }
    return out;
  }

  /** The thermodynamic length 2·erfc⁻¹(a) of a pair exchanging at a (clamped to [0.001, FROZEN]). */
  static double length(double a) {
    double c = Math.min(FROZEN, Math.max(0.001, a));
    double lo = 0;
    double hi = 6;
    for (int it = 0; it < 60; it++) {
      double mid = (lo + hi) / 2;
      if (erfc(mid) > c) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo + hi;
  }

  /** erfc to 1.2e-7 relative (Numerical Recipes' Chebyshev fit), for x ≥ 0. */
  static double erfc(double x) {
    double t = 1 / (1 + 0.5 * x);
    return t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
  }

  /**
   * Moves the inner rungs halfway towards equal exchange acceptance between neighbours, both ends
   * kept. Interval k gets the length sqrt(−ln a_k) (a_k clamped to [0.01, 0.95]; for Gaussian
   * energies the acceptance falls as exp(−(σΔβ)²/4) or so), spread evenly over its betas; the new
   * rungs cut the summed length into equal parts.
   */
  static double[] respace(double[] betas, double[] acceptance) {
    int r = betas.length;
    if (r < 3) {
      return betas.clone();
    }
    double[] s = new double[r];
    for (int k = 1; k < r; k++) {
      double a = Math.min(0.95, Math.max(0.01, acceptance[k - 1]));
      s[k] = s[k - 1] + Math.sqrt(-Math.log(a));
    }
    double[] out = betas.clone();
    int seg = 0;
    for (int k = 1; k < r - 1; k++) {
      double want = s[r - 1] * k / (r - 1);
      while (seg < r - 2 && s[seg + 1] < want) {
        seg++;
      }
      double f = (want - s[seg]) / (s[seg + 1] - s[seg]);
      double target = betas[seg] + f * (betas[seg + 1] - betas[seg]);
      out[k] = (betas[k] + target) / 2;
    }
    return out;
  }
}
