package io.qprune.bench.solvers;

/**
 * Time to solution with 99 % confidence, the annealing community's metric: the time of one run
 * times the repeats needed to reach the target at least once with probability 0.99,
 * {@code TTS99 = t_run · ln(0.01) / ln(1 − p)}, with p the share of repeats that reached it.
 * Where p ≥ 0.99 one run suffices (TTS99 = t_run); where p = 0 it is unbounded (no run
 * reached the target, so the repeats give no estimate).
 */
public final class Tts {
  private Tts() {}

  /** TTS99 in the unit of tRun; +∞ when no run hit, NaN when there were no runs. */
  public static double tts99(double tRun, int hits, int runs) {
    if (runs == 0 || Double.isNaN(tRun)) {
      return Double.NaN;
    }
    double p = (double) hits / runs;
    if (p == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (p >= 0.99) {
      return tRun;
    }
    return tRun * Math.log(0.01) / Math.log(1 - p);
  }

  /** The figure with its caveat: "∞ (p = 0)", "2.5 (p = 1)", or the number. */
  public static String text(double tRun, int hits, int runs) {
    double t = tts99(tRun, hits, runs);
    if (Double.isNaN(t)) {
      return "";
    }
    if (Double.isInfinite(t)) {
      return "∞ (p = 0)";
    }
    String v = SummaryTable.fmt(t, 3);
    return hits == runs ? v + " (p = 1)" : v;
  }
}
