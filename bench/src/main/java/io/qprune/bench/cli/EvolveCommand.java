package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.api.cluster.Clusters;
import io.qprune.bench.evolve.ClusterTask;
import io.qprune.bench.evolve.FrontPlot;
import io.qprune.bench.evolve.Tasks;
import io.qprune.formulation.evolve.EvolveListener;
import io.qprune.formulation.evolve.EvolveResult;
import io.qprune.formulation.evolve.EvolveSettings;
import io.qprune.formulation.evolve.Evolution;
import io.qprune.formulation.evolve.FrontFiles;
import io.qprune.formulation.evolve.FrontMember;
import io.qprune.formulation.evolve.WeightTask;
import io.qprune.formulation.model.Torch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune evolve}: hierarchical importance-guided multi-objective weight pruning. */
@Command(name = "evolve", mixinStandardHelpOptions = true,
    header = "Evolve a Pareto front of weight-pruned networks, size against error.",
    description = {"Evolutionary multi-objective pruning, weight by weight: Phase 1 evolves per-layer thresholds"
        + " (NSGA-II), Phase 2 evolves the weights between two anchors of its front (SparseEA operators).",
        "Writes front.csv/json, front.png/svg and every front member's mask (for `qprune eval --mask`)."})
public final class EvolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML/JSON: evolve settings (budget, population,"
      +  " phase1_share, seed, anchor_tolerance, max_prune, flip_rate, validation, checkpoint_every, importance), optionally"
      + " model, data, threads and cluster.")
  Path config;

  @Option(names = "--model", paramLabel = "FILE", description = "resnet20 (default: the shipped ResNet-20 on"
      + " Fashion-MNIST), halfunet (the shipped denoiser: error = -PSNR), or a classifier or denoiser file.")
  String model;

  @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST folder (default: $QPRUNE_FASHION_MNIST or"
      + " /usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).")
  Path data;

  @Option(names = "--budget", paramLabel = "N", description = "Distinct mask evaluations over both phases.")
  Integer budget;

  @Option(names = "--population", paramLabel = "N", description = "NSGA-II population.")
  Integer population;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed.")
  Long seed;

  @Option(names = "--threads", paramLabel = "N", description = "PyTorch intra-op threads (default 2).")
  Integer threads;

  @Option(names = "--out", defaultValue = "runs/evolve", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--cluster", paramLabel = "URL", description = "Where validation batches run: local (this process,"
      + " default), local[N], local[*] or spark://host:port (executors need the data at the same path).")
  String cluster;

  @Option(names = "--beside", paramLabel = "FILE", description = "demo.json or a pruning bench's runs.json: draw"
      + " its methods' test metric against kept parameter fraction beside the fronts (denoiser only).")
  Path beside;

  @Option(names = "--resume", description = "Continue the run checkpointed in --out.")
  boolean resume;

  @Mixin SharedOptions.Progress progressOption;

  @Override
  public Integer call() {
    return CliErrors.run(this::evolve, spec.commandLine().getErr());
  }

  private int evolve() {
    EvolveFile file = EvolveFile.read(config);
    EvolveSettings s = file.evolve().with(budget, population, seed);
    String m = model != null ? model : file.model();
    Path d = data != null ? data : file.data() == null ? null : Path.of(file.data());
    int t = threads != null ? threads : file.threads();
    Torch.configure(t);
    String url = cluster != null ? cluster : file.cluster();
    Clusters.validate(url);
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WeightTask opened = Tasks.open(m, d, s.validation(), s.importance(), n -> note(err, n));
    if (!Clusters.isInProcess(url)) {
      try {
        opened = new ClusterTask(opened, Clusters.open(url), m, d, s.validation(), t);
      } catch (RuntimeException e) {
        opened.close();
        throw e;
      }
    }
    try (WeightTask task = opened;
        Progress progress = new Progress(progressOption.noProgress, err)) {
      o.printf(Locale.ROOT, "%s: %d prunable weights in %d layers; budget %d evaluations (phase 1: %d), population"
          + " %d, seed %d%n", task.describe(), size(task), task.layers().size(), s.budget(), s.phase1Budget(),
          s.population(), s.seed());
      o.flush();
      EvolveResult r = new Evolution(task, s, out, progress).run(resume);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("model", m == null ? "resnet20 (shipped)" : m);
      run.put("threads", t);
      run.put("cluster", url);
      FrontFiles.write(r, task, s, run, out);
      FrontPlot.write(r, task, out, besidePoints());
      print(o, r, task);
    }
    return ExitCodes.OK;
  }

  /** The rows of a demo.json (method, params_fraction, test_psnr), grouped by method, unpruned left out. */
  private List<FrontPlot.Beside> besidePoints() {
    if (beside == null) {
      return List.of();
    }
    try {
      var rows = new ObjectMapper().readTree(beside.toFile()).path("rows");
      Map<String, List<double[]>> by = new LinkedHashMap<>();
      for (var row : rows) {
        String method = row.path("method").asText();
        if (method.equals("unpruned") || !row.has("params_fraction") || !row.has("test_psnr")) {
          continue;
        }
        by.computeIfAbsent(method, k -> new java.util.ArrayList<>())
            .add(new double[] {row.path("params_fraction").asDouble(), row.path("test_psnr").asDouble()});
      }
      if (by.isEmpty()) {
        throw new InvalidInputException(beside + " has no 'rows' with method, params_fraction and test_psnr");
      }
      List<FrontPlot.Beside> out = new java.util.ArrayList<>();
      by.forEach((m, pts) -> out.add(new FrontPlot.Beside(m + " (test, kept parameters)",
          pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray())));
      return out;
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + beside + ": " + e.getMessage(), e);
    }
  }

  private static int size(WeightTask task) {
    var l = task.layers().get(task.layers().size() - 1);
    return l.offset() + l.size();
  }

  private static void note(PrintWriter err, String n) {
    err.println(n);
    err.flush();
  }

  private void print(PrintWriter o, EvolveResult r, WeightTask task) {
    o.printf(Locale.ROOT, "unpruned: %s %.2f (test)%n", task.metricName(), task.metric(r.unprunedTestError()));
    o.printf(Locale.ROOT, "%-7s %-6s %10s %10s %14s %14s%n", "member", "phase", "kept %", "removed %",
        "val " + shortName(task), "test " + shortName(task));
    for (int i = 0; i < r.front().size(); i++) {
      FrontMember f = r.front().get(i);
      o.printf(Locale.ROOT, "%-7d %-6d %10.2f %10.2f %14.3f %14.3f%n", i, f.phase(), 100 * f.keptFraction(),
          100 * (1 - f.keptFraction()), task.metric(f.valError()), task.metric(f.testError()));
    }
    o.printf(Locale.ROOT, "hypervolume (reference %.2f, %.2f): phase 1 %.5f, final %.5f (%+.5f)%n",
        r.reference()[0], r.reference()[1], r.hypervolumePhase1(), r.hypervolumeFinal(),
        r.hypervolumeFinal() - r.hypervolumePhase1());
    o.printf(Locale.ROOT, "%d evaluations in %.1f s; corridor %d weights; wrote %s (front.csv, front.json,"
        + " front.png, masks/)%n", r.evaluations(), r.seconds(), r.corridor(), out);
    o.flush();
  }

  private static String shortName(WeightTask task) {
    return task.metricName().replace("accuracy (%)", "acc %").replace("PSNR (dB)", "PSNR dB");
  }

  /** A progress bar over each phase's evaluations, or a line per generation. */
  private static final class Progress implements EvolveListener, AutoCloseable {
    private final boolean plain;
    private final PrintWriter err;
    private ProgressBar bar;

    Progress(boolean plain, PrintWriter err) {
      this.plain = plain;
      this.err = err;
    }

    @Override
    public void phaseStarted(int phase, long budget, long done) {
      close();
      if (!plain) {
        bar = new ProgressBarBuilder().setTaskName("phase " + phase).setInitialMax(budget)
            .setStyle(ProgressBarStyle.ASCII).startsFrom(done, java.time.Duration.ZERO).build();
      } else if (done > 0) {
        err.println("phase " + phase + ": resuming after " + done + " evaluations");
      }
    }

    @Override
    public void generation(int phase, int generation, long evaluations, double hv) {
      if (bar != null) {
        bar.stepTo(evaluations);
        bar.setExtraMessage(String.format(Locale.ROOT, "gen %d HV %.4f", generation, hv));
      } else {
        err.printf(Locale.ROOT, "phase %d generation %d: %d evaluations, hypervolume %.5f%n", phase, generation,
            evaluations, hv);
        err.flush();
      }
    }

    @Override
    public void note(String text) {
      close();
      err.println(text);
      err.flush();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
