package io.qprune.bench.cli;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import io.qprune.formulation.cost.ForwardTimer;
import io.qprune.bench.latency.LatencyMasks;
import io.qprune.bench.pruning.MeasuredLatency;
import io.qprune.formulation.cost.LatencyCosts;
import io.qprune.formulation.cost.LatencyFit;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.LatencyTable;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.SlimDenoiser;
import io.qprune.formulation.model.SlimModelFile;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.ClassifierPruneRun;
import io.qprune.formulation.prune.io.MaskFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprune bench latency}: end-to-end inference latency of pruned networks (pruned units
 * removed for real: the sliced evaluator) against the unpruned one, alternating them run by run,
 * for each thread count and input size; with params, FLOPs and the latency the measured per-layer
 * table ({@link LatencyCosts}) predicts, by interpolation and by its quadratic fit.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
    header = "Measure the latency of pruned against unpruned networks.",
    description = "Measure end-to-end latency of pruned vs unpruned networks; compare with the latency table's prediction.")
public final class BenchLatencyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions.Model modelOption;

  @Option(names = "--mask", description = "Also time this mask (mask.json or 0/1 list).")
  Path mask;

  @Option(names = "--slim", description = "Also time this exported slim model file (from `qprune export`; repeatable).")
  List<Path> slim = new ArrayList<>();

  @Option(names = "--flops", defaultValue = "0.5", description = "FLOPs fraction of the structured (uniform-width) mask (default: ${DEFAULT-VALUE}).")
  double flops;

  @Option(names = "--random", defaultValue = "3", description = "Random masks (keep 50 %% of units, seeds 1..N) (default: ${DEFAULT-VALUE}).")
  int random;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "PyTorch thread counts (default: ${DEFAULT-VALUE}).")
  int[] threads;

  @Option(names = "--sizes", split = ",", defaultValue = "256,512", description = "Input sides (default: ${DEFAULT-VALUE}).")
  int[] sizes;

  @Option(names = "--repeats", defaultValue = "9", description = "Timed runs per network and setting, after 2 warm-ups (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--cache", defaultValue = "latency-table.json", description = "Latency table cache (default: ${DEFAULT-VALUE}).")
  Path cache;

  @Option(names = "--table-size", defaultValue = "256", description = "Input side the latency table is measured at (default: ${DEFAULT-VALUE}).")
  int tableSize;

  @Option(names = "--refresh", description = "Measure the latency table (and with --fit, the fit) again even if the cache matches.")
  boolean refresh;

  @Option(names = "--fit", description = {"Also measure (or load) the whole-network latency fit that --latency budgets use",
      "(1 thread, 256², the CPU's own kernels) and show what it predicts beside what is measured."})
  boolean fit;

  @Option(names = "--fit-cache", paramLabel = "FILE", description = "Where the latency fit is cached (default: ~/.cache/qprune/latency-fit-*.json, the file prune reads).")
  Path fitCache;

  @Option(names = "--runs", paramLabel = "DIR", description = {"Time every run of a `bench pruning` output folder instead",
      "(its masks.json, exported, beside the unpruned network) for each --sizes × --threads; writes",
      "latency-<size>-<threads>t.csv/.md and a PSNR-vs-latency plot into DIR (or --out)."})
  Path runs;

  @Option(names = "--learn", paramLabel = "PATH", description = {"Refit the latency fit with these masks measured now, then exit:",
      "a mask file (mask.json or 0/1 list), a `prune --out` folder (its mask.json) or a `bench pruning`",
      "folder or masks.json (every pruned run); with --neighbours perturbations of each (repeatable)."})
  List<Path> learn = new ArrayList<>();

  @Option(names = "--neighbours", defaultValue = "4", description = "With --learn: seeded perturbations (1-3 units flipped) timed per mask (default: ${DEFAULT-VALUE}).")
  int neighbours;

  @Option(names = "--seed", defaultValue = "1", description = "With --learn: seed of the perturbations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch", defaultValue = "64", description = {"For a classifier (--model resnet20 or a classifier file): images",
      "per timed forward, the batch its latency fit and `prune --latency` use (default: ${DEFAULT-VALUE})."})
  int batch;

  @Option(names = "--out", description = "Output folder for latency.csv and latency.json (default: bench-latency; with --runs: the runs folder).")
  Path out;

  @Override
  public Integer call() {
    return CliErrors.run(this::run, spec.commandLine().getErr());
  }

  private int run() throws Exception {
    if (repeats < 1 || random < 0) {
      throw new InvalidInputException("--repeats must be >= 1 and --random >= 0, got " + repeats + " and " + random);
    }
    Torch.configure(1);
    PrintWriter pw = spec.commandLine().getOut();
    if (fitCache != null && !fit) {
      throw new InvalidInputException("--fit-cache is only used with --fit");
    }
    if (modelOption.model != null && ClassifierPruneRun.isClassifier(modelOption.model.toString())) {
      if (!slim.isEmpty() || mask != null || (!learn.isEmpty() && (!fit || runs != null))) {
        throw new InvalidInputException("For a classifier, bench latency takes --runs and/or --fit, or --fit with"
            + " --learn (not --slim or --mask)");
      }
      List<Mask> learned = new ArrayList<>();
      learn.forEach(p -> learned.addAll(learnMasks(p)));
      return ClassifierLatency.run(new ClassifierLatency.Job(modelOption.model.toString(), runs, fit, fitCache, refresh,
          threads, batch, repeats, out, learned, neighbours, seed), pw, spec.commandLine().getErr());
    }
    if (!learn.isEmpty()) {
      if (!fit || runs != null || !slim.isEmpty() || mask != null) {
        throw new InvalidInputException("--learn refits the latency fit: give it with --fit (and --fit-cache), without --runs, --slim or --mask");
      }
      return learn(pw);
    }
    if (runs != null) {
      return timeRuns(pw);
    }
    out = out == null ? Path.of("bench-latency") : out;
    List<SlimDenoiser> slims = new ArrayList<>();
    try (Denoiser m = modelOption.model == null ? ModelFile.loadDefault() : ModelFile.load(modelOption.model)) {
      for (Path p : slim) {
        SlimDenoiser s = SlimModelFile.load(p);
        slims.add(s);
        if (!s.spec().equals(m.spec())) {
          throw new InvalidInputException(p + ": exported from a different network (" + s.spec() + ") than --model (" + m.spec() + ")");
        }
      }
      Map<String, Mask> masks = new LinkedHashMap<>();
      int n = m.units().size();
      masks.put("unpruned", Mask.all(n));
      masks.put(String.format(Locale.ROOT, "uniform %.0f%% FLOPs", 100 * flops), LatencyMasks.uniformAtFlops(m, flops));
      for (int s = 1; s <= random; s++) {
        masks.put("random 50% #" + s, LatencyMasks.random(m, 0.5, s));
      }
      if (mask != null) {
        masks.put(mask.getFileName().toString(), MaskFile.readMask(mask));
      }
      checkSizes(m);
      pw.printf(Locale.ROOT, "latency table (1 thread, %d²): %s%n", tableSize, cache);
      pw.flush();
      LatencyTable table = LatencyCosts.table(m, cache, 1, refresh, tableSize);
      QuadraticCost quad = LatencyCosts.quadratic(m, table);
      MaskCost fitted = fit ? latencyFit(m, pw).cost(m) : null;
      Cost full = m.fullCost();
      List<Map<String, Object>> rows = new ArrayList<>();
      pw.printf(Locale.ROOT, "%-22s %5s %4s %6s %7s %7s %10s %9s %8s %7s %9s %9s %9s%n", "mask", "size", "thr", "units",
          "params", "FLOPs", "median ms", "IQR ms", "min ms", "ratio", "table ms", "quad ms", "fit ms");
      for (int t : threads) {
        int before = Torch.setThreads(t);
        try {
          for (int size : sizes) {
            Map<String, double[]> times = time(m, masks, slims, size);
            double ref = median(times.get("unpruned"));
            for (var e : masks.entrySet()) {
              Mask k = e.getValue();
              boolean predicted = t == 1 && size == tableSize;
              rows.add(row(pw, e.getKey(), size, t, k.kept(), m.cost(k), full, times.get(e.getKey()), ref,
                  predicted ? LatencyCosts.predictMs(m, table, k) : null, predicted ? quad.value(k) : null,
                  fitted != null && predicted ? fitted.value(k) : null));
            }
            for (int i = 0; i < slims.size(); i++) {
              SlimDenoiser sd = slims.get(i);
              String name = slimName(i);
              int kept = sd.keptUnits().stream().mapToInt(u -> u.length).sum();
              rows.add(row(pw, name, size, t, kept, new Cost(sd.params(), sd.flopsPerPixel()), full, times.get(name), ref,
                  null, null, null));
            }
          }
        } finally {
          Torch.setThreads(before);
        }
      }
      write(rows, table);
      pw.printf(Locale.ROOT, "wrote %s and %s%n", out.resolve("latency.csv"), out.resolve("latency.json"));
      pw.flush();
    } finally {
      slims.forEach(SlimDenoiser::close);
    }
    return ExitCodes.OK;
  }

  private String slimName(int i) {
    return "slim " + slim.get(i).getFileName();
  }

  /** Prints one table line and returns its CSV/JSON row; the predictions are null where none is made. */
  private static Map<String, Object> row(PrintWriter pw, String name, int size, int threads, int kept, Cost c,
      Cost full, double[] times, double ref, Double tableMs, Double quadMs, Double fitMs) {
    double[] q = ForwardTimer.quartiles(times);
    double min = ForwardTimer.min(times);
    pw.printf(Locale.ROOT, "%-22s %5d %4d %6d %6.1f%% %6.1f%% %10.2f %9.2f %8.2f %7.3f %9s %9s %9s%n", name, size, threads,
        kept, 100 * c.paramsFraction(full), 100 * c.flopsFraction(full), q[1], q[2] - q[0], min, q[1] / ref,
        tableMs == null ? "-" : String.format(Locale.ROOT, "%.2f", tableMs),
        quadMs == null ? "-" : String.format(Locale.ROOT, "%.2f", quadMs),
        fitMs == null ? "-" : String.format(Locale.ROOT, "%.2f", fitMs));
    pw.flush();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("mask", name);
    row.put("size", size);
    row.put("threads", threads);
    row.put("units_kept", kept);
    row.put("params", c.params());
    row.put("flops", c.flops(size, size));
    row.put("params_fraction", c.paramsFraction(full));
    row.put("flops_fraction", c.flopsFraction(full));
    row.put("median_ms", q[1]);
    row.put("q1_ms", q[0]);
    row.put("q3_ms", q[2]);
    row.put("min_ms", min);
    row.put("ratio_to_unpruned", q[1] / ref);
    row.put("table_ms", tableMs);
    row.put("quadratic_ms", quadMs);
    row.put("fit_ms", fitMs);
    return row;
  }

  /** {@code --runs}: the comparison's masks, exported and timed, for each size and thread count. */
  private int timeRuns(PrintWriter pw) throws Exception {
    if (!slim.isEmpty() || mask != null) {
      throw new InvalidInputException("--runs times the masks of a bench pruning folder; drop --slim and --mask");
    }
    Path file = runs.resolve(MeasuredLatency.MASKS);
    if (!Files.exists(file)) {
      throw new InvalidInputException(file + " does not exist: give a folder written by `qprune bench pruning`");
    }
    List<MeasuredLatency.Run> list = MeasuredLatency.readRuns(file);
    Path dir = out == null ? runs : out;
    Files.createDirectories(dir);
    try (Denoiser m = modelOption.model == null ? ModelFile.loadDefault() : ModelFile.load(modelOption.model)) {
      checkSizes(m);
      MaskCost fitted = fit ? latencyFit(m, pw).cost(m) : null;
      for (int size : sizes) {
        for (int t : threads) {
          MeasuredLatency.Setting s = new MeasuredLatency.Setting(size, t, repeats);
          MeasuredLatency.report(dir, MeasuredLatency.measure(m, list, s, spec.commandLine().getErr(), fitted), s, pw);
        }
      }
    }
    return ExitCodes.OK;
  }

  /** {@code --learn}: the fit refitted with the given masks measured now, saved over its cache. */
  private int learn(PrintWriter pw) {
    List<Mask> masks = new ArrayList<>();
    for (Path p : learn) {
      masks.addAll(learnMasks(p));
    }
    try (Denoiser m = modelOption.model == null ? ModelFile.loadDefault() : ModelFile.load(modelOption.model)) {
      Path file = fitCache != null ? fitCache : LatencyFit.defaultCache(m, 1, LatencyCosts.DEFAULT_SIZE);
      LatencyFit before = latencyFit(m, pw);
      LatencyFit.Learned l = before.learn(m, masks, neighbours, seed);
      l.fit().save(file);
      printLearned(pw, before, l, before.cost(m), l.fit().cost(m), file);
    }
    return ExitCodes.OK;
  }

  /**
   * What {@code --learn} did, per mask: the measured ratio to the unpruned network and the fit's before
   * and after ({@code costBefore}, {@code costAfter}: the two fits as costs of the model).
   */
  static void printLearned(PrintWriter pw, LatencyFit before, LatencyFit.Learned l, MaskCost costBefore,
      MaskCost costAfter, Path file) {
    Mask all = Mask.all(costBefore.size());
    double fullBefore = costBefore.value(all);
    double fullAfter = costAfter.value(all);
    pw.printf(Locale.ROOT, "%-6s %6s %10s %10s %10s   (ratios to the unpruned network: measured, and as the fit predicts"
        + " them, before and after)%n", "mask", "units", "measured", "fit before", "fit after");
    double[] err = new double[2];
    for (int i = 0; i < l.masks().size(); i++) {
      double measured = l.measuredMs()[i] / before.fullMs();
      double b = l.beforeMs()[i] / fullBefore;
      double a = l.afterMs()[i] / fullAfter;
      pw.printf(Locale.ROOT, "%-6d %6d %10.3f %10.3f %10.3f%n", i + 1, l.masks().get(i).kept(), measured, b, a);
      err[0] += (b - measured) / l.masks().size();
      err[1] += (a - measured) / l.masks().size();
    }
    pw.printf(Locale.ROOT, "mean error of the predicted ratio on these masks: before %+.3f, after %+.3f; held-out error"
        + " of the refit %.3f (%d samples, %d learned)%n", err[0], err[1], l.fit().holdoutRelRms(),
        Integer.parseInt(l.fit().key().get("samples")) + l.fit().learnedSamples(), l.fit().learnedSamples());
    pw.printf(Locale.ROOT, "the unpruned network: measured %.2f ms (stored), fitted %.2f ms before, %.2f ms after%n",
        before.fullMs(), fullBefore, fullAfter);
    pw.printf(Locale.ROOT, "wrote %s%n", file);
    pw.flush();
  }

  /** The masks of one --learn path: a mask file, a prune output folder or a bench pruning folder/masks.json. */
  static List<Mask> learnMasks(Path p) {
    Path runsFile = Files.isDirectory(p) ? p.resolve(MeasuredLatency.MASKS) : p;
    if (Files.isDirectory(p) && !Files.exists(runsFile)) {
      Path one = p.resolve("mask.json");
      if (!Files.exists(one)) {
        throw new InvalidInputException(p + ": a folder without " + MeasuredLatency.MASKS + " (bench pruning) or mask.json (prune)");
      }
      return List.of(MaskFile.readMask(one));
    }
    if (runsFile.getFileName().toString().equals(MeasuredLatency.MASKS)) {
      return MeasuredLatency.readRuns(runsFile).stream().filter(r -> r.mask().kept() < r.mask().size())
          .map(MeasuredLatency.Run::mask).toList();
    }
    return List.of(MaskFile.readMask(p));
  }

  /** The latency fit from {@code --fit-cache} (or the default cache), measured when it does not match. */
  private LatencyFit latencyFit(Denoiser m, PrintWriter pw) {
    Path file = fitCache != null ? fitCache : LatencyFit.defaultCache(m, 1, LatencyCosts.DEFAULT_SIZE);
    pw.printf(Locale.ROOT, "latency fit (1 thread, %d², whole network): %s%n", LatencyCosts.DEFAULT_SIZE, file);
    pw.flush();
    LatencyFit f = LatencyFit.forModel(m, file, 1, LatencyCosts.DEFAULT_SIZE, refresh, true);
    pw.printf(Locale.ROOT, "latency fit (oneDNN kernels %s): unpruned %.2f ms; relative RMS error %.3f on its %d masks"
        + " (%d learned), %.3f on held-out ones%n", f.kernels(), f.fullMs(), f.fitRelRms(),
        Integer.parseInt(f.key().get("samples")) + f.learnedSamples(), f.learnedSamples(), f.holdoutRelRms());
    pw.flush();
    return f;
  }

  /** Runs every mask and slim file once per round, so all see the same machine state ({@link ForwardTimer}). */
  private Map<String, double[]> time(Denoiser m, Map<String, Mask> masks, List<SlimDenoiser> slims, int size) {
    List<ForwardTimer.Net> nets = new ArrayList<>();
    masks.forEach((name, k) -> nets.add(new ForwardTimer.Net(name, m.manager(), (x, run) -> m.denoiseFolded(x, k, run))));
    for (int i = 0; i < slims.size(); i++) {
      nets.add(new ForwardTimer.Net(slimName(i), slims.get(i).manager(), slims.get(i)::denoise));
    }
    return ForwardTimer.time(nets, new Shape(1, m.spec().color().channels(), size, size), repeats);
  }

  private void checkSizes(Denoiser m) {
    for (int size : sizes) {
      if (size < 1 || size % m.spec().sizeMultiple() != 0) {
        throw new InvalidInputException("--sizes: " + size + " is not a positive multiple of "
            + m.spec().sizeMultiple() + " (the network's down-sampling factor)");
      }
    }
  }

  private static double median(double[] v) {
    return ForwardTimer.quartiles(v)[1];
  }

  private void write(List<Map<String, Object>> rows, LatencyTable table) throws Exception {
    Files.createDirectories(out);
    StringBuilder csv = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      r.values().forEach(v -> cells.add(v == null ? "" : v.toString().replace(',', ';')));
      csv.append(String.join(",", cells)).append('\n');
    }
    AtomicFiles.writeString(out.resolve("latency.csv"), csv.toString());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("table_key", table.key());
    json.put("table_full_ms", table.fullMs());
    json.put("table_rest_ms", table.restMs());
    json.put("repeats", repeats);
    json.put("rows", rows);
    AtomicFiles.writeString(out.resolve("latency.json"),
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
  }
}
