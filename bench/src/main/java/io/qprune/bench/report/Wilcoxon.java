package io.qprune.bench.report;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The Wilcoxon signed-rank test of Commons Math on paired differences. Zero differences are dropped
 * before ranking (Wilcoxon's original treatment), tied |d| get average ranks; the p value is exact
 * for n ≤ 30 without ties, else the normal approximation with continuity correction (Commons Math
 * applies no tie correction to the variance).
 */
public final class Wilcoxon {
  /** Commons Math computes exact p values up to this n. */
  static final int EXACT_MAX_N = 30;

  private Wilcoxon() {}

  /** Tests the differences d (d &gt; 0 favours the first solver of the pair). */
  public static WilcoxonResult test(double[] d) {
    double median = median(d);
    double[] nz = Arrays.stream(d).filter(v -> v != 0).toArray();
    int n = nz.length;
    if (n == 0) {
      return new WilcoxonResult(d.length, 0, 0, 0, 0, 1, "no test: every difference is zero", 0, median);
    }
    double[] abs = Arrays.stream(nz).map(Math::abs).toArray();
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
    double plus = 0;
    double minus = 0;
    for (int i = 0; i < n; i++) {
      if (nz[i] > 0) {
        plus += ranks[i];
      } else {
        minus += ranks[i];
      }
    }
    boolean ties = Arrays.stream(abs).distinct().count() < n;
    boolean exact = n <= EXACT_MAX_N && !ties;
    WilcoxonSignedRankTest t = new WilcoxonSignedRankTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
    double[] zeros = new double[n];
    double w = t.wilcoxonSignedRank(nz, zeros);
    double p = Math.min(1, t.wilcoxonSignedRankTest(nz, zeros, exact));
    String method = exact ? "exact" : "normal approx." + (ties ? " (ties)" : "");
    return new WilcoxonResult(d.length, n, w, plus, minus, p, method, (plus - minus) / (plus + minus), median);
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int k = s.length;
    return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
  }
}
