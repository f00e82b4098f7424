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
  private final String what;
  private final String unit;
  private ProgressBar bar;

  RefineProgress(boolean plain, PrintWriter err) {
    this(plain, err, "val PSNR", " dB");
  }

  /** Shows the best {@code what} (e.g. "val accuracy") so far, followed by {@code unit}. */
  RefineProgress(boolean plain, PrintWriter err, String what, String unit) {
    this.plain = plain;
    this.err = err;
    this.what = what;
    this.unit = unit;
  }

  void iteration(int iteration, long evaluations, long budget, double bestPsnr) {
    if (plain) {
      err.printf(Locale.ROOT, "refine iteration %d: %d/%d evaluations, best %s %.4f%s%n",
          iteration, evaluations, budget, what, bestPsnr, unit);
      err.flush();
      return;
    }
    if (bar == null) {
      bar = new ProgressBarBuilder().setTaskName("refine").setInitialMax(budget)
          .setStyle(ProgressBarStyle.ASCII).build();
    }
    bar.stepTo(evaluations);
    bar.setExtraMessage(String.format(Locale.ROOT, "best %s %.4f%s", what, bestPsnr, unit));
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
