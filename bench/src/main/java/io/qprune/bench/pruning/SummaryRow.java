package io.qprune.bench.pruning;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** The rows of one method at one sparsity, summarised over seeds (mean and sample std). */
public record SummaryRow(String method, double sparsity, int runs, double psnrMean, double psnrStd,
    double ssimMean, double ssimStd, double valPsnrMean, double paramsFraction,
    double flopsFraction, double scoreSeconds, double selectSeconds, double evalSeconds,
    int exactK, String alphaBeta) {

  /** Summarises rows that share method and sparsity. */
  static SummaryRow of(List<RunRow> rows) {
    SummaryStatistics psnr = new SummaryStatistics();
    SummaryStatistics ssim = new SummaryStatistics();
    SummaryStatistics val = new SummaryStatistics();
    SummaryStatistics params = new SummaryStatistics();
    SummaryStatistics flops = new SummaryStatistics();
    SummaryStatistics score = new SummaryStatistics();
    SummaryStatistics select = new SummaryStatistics();
    SummaryStatistics eval = new SummaryStatistics();
    int exact = 0;
    java.util.Set<String> ab = new java.util.LinkedHashSet<>();
    for (RunRow r : rows) {
      psnr.addValue(r.testPsnr());
      ssim.addValue(r.testSsim());
      if (!Double.isNaN(r.valPsnr())) {
        val.addValue(r.valPsnr());
      }
      params.addValue(r.paramsFraction());
      flops.addValue(r.flopsFraction());
      score.addValue(r.scoreSeconds());
      select.addValue(r.selectSeconds());
      eval.addValue(r.evalSeconds());
      exact += r.exactK() ? 1 : 0;
      if (!Double.isNaN(r.alpha())) {
        ab.add(String.format(java.util.Locale.ROOT, "%.2g/%.2g", r.alpha(), r.beta()));
      }
    }
    RunRow first = rows.get(0);
    return new SummaryRow(first.method(), first.sparsity(), rows.size(), psnr.getMean(),
        std(psnr), ssim.getMean(), std(ssim), val.getN() == 0 ? Double.NaN : val.getMean(),
        params.getMean(), flops.getMean(), score.getMean(), select.getMean(), eval.getMean(),
        exact, String.join(" ", ab));
  }

  private static double std(SummaryStatistics s) {
    return s.getN() > 1 ? s.getStandardDeviation() : 0;
  }
}
