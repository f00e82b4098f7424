package io.qprune.bench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a refinement's evaluations against its budget and the best validation PSNR so far. */
final class RefineProgress implements AutoCloseable {
  private final boolean plain;
  private final PrintWriter err;
  private ProgressBar bar;

  RefineProgress(boolean plain, PrintWriter err) {
    this.plain = plain;
    this.err = err;
  }

  void iteration(int iteration, long evaluations, long budget, double bestPsnr) {
    if (plain) {
      err.printf(Locale.ROOT, "refine iteration %d: %d/%d evaluations, best val PSNR %.4f dB%n",
          iteration, evaluations, budget, bestPsnr);
      err.flush();
      return;
    }
    if (bar == null) {
      bar = new ProgressBarBuilder().setTaskName("refine").setInitialMax(budget)
          .setStyle(ProgressBarStyle.ASCII).build();
    }
    bar.stepTo(evaluations);
    bar.setExtraMessage(String.format(Locale.ROOT, "best val %.3f dB", bestPsnr));
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
