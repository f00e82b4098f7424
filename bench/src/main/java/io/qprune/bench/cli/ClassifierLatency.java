package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import io.qprune.bench.pruning.MeasuredLatency;
import io.qprune.formulation.cost.LatencyFit;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.Pruning;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code qprune bench latency --model resnet20}: a classifier's latency — its whole-network fit
 * ({@code --fit}, what {@code prune --latency} budgets use) and the measured latency of every run of
 * a classifier {@code bench pruning} folder ({@code --runs}), cut networks on batches of its images.
 */
final class ClassifierLatency {
  /**
   * What to do: the model, the runs folder (or null), the fit (and its cache), the setting; masks to
   * refit the fit with (none: do not learn) and the perturbations' count and seed.
   */
  record Job(String model, Path runs, boolean fit, Path fitCache, boolean refresh, int[] threads, int batch,
      int repeats, Path out, List<Mask> learn, int neighbours, long seed) {}

  private ClassifierLatency() {}

  static int run(Job job, PrintWriter pw, PrintWriter err) throws Exception {
    if (job.runs() == null && !job.fit()) {
      throw new InvalidInputException("For a classifier, bench latency times a `bench pruning` folder (--runs DIR)"
          + " and/or measures its latency fit (--fit)");
    }
    if (job.batch() < 1) {
      throw new InvalidInputException("--batch must be >= 1, got " + job.batch());
    }
    List<MeasuredLatency.Run> list = null;
    if (job.runs() != null) {
      Path file = job.runs().resolve(MeasuredLatency.MASKS);
      if (!Files.exists(file)) {
        throw new InvalidInputException(file + " does not exist: give a folder written by `qprune bench pruning"
            + " --model " + job.model() + "`");
      }
      list = MeasuredLatency.readRuns(file);
    }
    try (Classifier m = Pruning.loadClassifier(job.model())) {
      MaskCost fitted = null;
      if (job.fit()) {
        Path file = job.fitCache() != null ? job.fitCache() : LatencyFit.defaultCache(m, 1, job.batch());
        pw.printf(Locale.ROOT, "latency fit (1 thread, batches of %d × %d², whole network): %s%n", job.batch(),
            m.spec().size(), file);
        pw.flush();
        LatencyFit f = LatencyFit.forClassifier(m, file, 1, job.batch(), job.refresh(), true);
        pw.printf(Locale.ROOT, "latency fit (oneDNN kernels %s): unpruned %.2f ms; relative RMS error %.3f on its %s"
            + " masks, %.3f on held-out ones%n", f.kernels(), f.fullMs(), f.fitRelRms(), f.key().get("samples"),
            f.holdoutRelRms());
        pw.flush();
        fitted = f.cost(m);
        if (!job.learn().isEmpty()) {
          LatencyFit.Learned l = f.learn(m, job.learn(), job.neighbours(), job.seed());
          l.fit().save(file);
          BenchLatencyCommand.printLearned(pw, f, l, fitted, l.fit().cost(m), file);
          return ExitCodes.OK;
        }
      }
      if (list == null) {
        return ExitCodes.OK;
      }
      Path dir = job.out() == null ? job.runs() : job.out();
      Files.createDirectories(dir);
      for (int t : job.threads()) {
        MeasuredLatency.Setting s = new MeasuredLatency.Setting(m.spec().size(), t, job.repeats(), job.batch());
        MeasuredLatency.report(dir, MeasuredLatency.measure(m, list, s, err, fitted), s, pw);
      }
    }
    return ExitCodes.OK;
  }
}
