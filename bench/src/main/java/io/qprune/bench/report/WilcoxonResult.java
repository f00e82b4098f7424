package io.qprune.bench.report;

/**
 * The outcome of one Wilcoxon signed-rank test on paired differences d = measure(B) − measure(A)
 * (lower measure is better, so d &gt; 0 favours A): pairs in all, pairs with d ≠ 0 (the test's n),
 * W = max(W+, W−), the two-sided p value and how it was computed, the matched-pairs rank-biserial
 * correlation (W+ − W−) / (W+ + W−) and the median of d over all pairs.
 */
public record WilcoxonResult(int pairs, int n, double w, double wPlus, double wMinus, double p, String method,
    double rankBiserial, double medianDifference) {

  /** The significance level of the verdicts. */
  public static final double ALPHA = 0.05;

  /**
   * "A better than B" (or the reverse) only when p &lt; 0.05 and the median difference favours that
   * solver; otherwise "no significant difference".
   */
  public String verdict(String a, String b) {
    if (p < ALPHA && medianDifference > 0) {
      return a + " better than " + b;
    }
    if (p < ALPHA && medianDifference < 0) {
      return b + " better than " + a;
    }
    return "no significant difference";
  }
}
