package io.qprune.bench.report;

/** The report's paragraphs on method: what the gap, the curves, the test and the censoring mean. */
final class ReportNotes {
  static final String WILCOXON = "<p class=\"note\">Each row pairs two solvers A and B at one time limit over"
      + " the (instance, seed) pairs both ran, on the gap in percent to the best-known value (to the best value"
      + " found by any run of this campaign where no best-known value is listed). d = gap(B) − gap(A), so d &gt; 0"
      + " favours A. Zero differences are dropped before ranking (Wilcoxon's original treatment); n counts the"
      + " rest, and tied |d| share their average rank. W = max(W+, W−), from Apache Commons Math's"
      + " <code>WilcoxonSignedRankTest</code>; the two-sided p is exact (enumerating all 2<sup>n</sup> sign"
      + " patterns) for n ≤ 30 without ties, else the normal approximation with continuity correction and no"
      + " tie correction of the variance. The effect size is the matched-pairs rank-biserial correlation"
      + " r = (W+ − W−) / (W+ + W−), from −1 (B always better) to +1 (A always better). The median d is over"
      + " all pairs, zeros included, in percentage points. The verdict says “A better than B” only when"
      + " p &lt; 0.05 and the median d favours A; otherwise “no significant difference” (also when p &lt; 0.05"
      + " but the median d is 0). With n ≤ 5 the exact test cannot reach p &lt; 0.05. The p values are not"
      + " corrected for the number of comparisons.</p>\n";

  static final String TIME_TO_TARGET = "<p class=\"note\">Runs at the plan's largest time limit. The target"
      + " is the best-known value (or the campaign's best where none is listed); a run that reached it did so"
      + " at its time to best (when its best sample was first found). Runs that never reached it are"
      + " right-censored at the time limit: the curve stops below 1 and a cross marks the limit; the table"
      + " gives the median over the runs that reached it, and TTS99 = t_run · ln(0.01) / ln(1 − p): the time"
      + " limit t_run times the repeats needed to reach the target with 99 % confidence, p the share of runs"
      + " that reached it (t_run itself when p = 1; unbounded, ∞, when p = 0: the repeats give no estimate).</p>\n";

  private ReportNotes() {}

  static String curves(int timeLimits) {
    return "<p class=\"note\">The solvers report only their final value and the time it was first found, not"
        + " a best-so-far trace, so these curves are built from independent runs at each time limit of the plan:"
        + " a point is the median final gap over the repeats at that limit, its bar spans the best and the worst"
        + " repeat. Solvers are offset slightly along x so their bars do not overlap. "
        + (timeLimits == 1 ? "<strong>This plan has a single time limit, so each solver is a single point;"
            + " list several <code>time_limits</code> (e.g. [0.25, 1, 4]) for a curve.</strong>"
            : "This plan has " + timeLimits + " time limits.") + "</p>\n";
  }
}
