package io.qprune.bench.cli;

import io.qprune.formulation.data.FixedCrops;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.MaskEvaluator;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.io.AtomicFiles;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprune mask-check}: times the fast mask evaluator on the fixed validation crops and
 * shows how PSNR moves when a whole layer, or a random fraction of units, is masked.
 */
@Command(
    name = "mask-check",
    mixinStandardHelpOptions = true,
    header = "Time mask evaluation on the validation crops and check masked PSNR.",
    description = "Time mask evaluation on the validation crops; PSNR with each layer masked and with random masks.")
public final class MaskCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions.Model modelOption;

  @Option(names = "--crops", defaultValue = "16", description = "Validation crops (default: ${DEFAULT-VALUE}).")
  int crops;

  @Option(names = "--size", defaultValue = "128", description = "Crop side (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--sigma", defaultValue = "25", description = "Gaussian noise sigma (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--sparsity", defaultValue = "0.36", description = "Fraction of units the random masks prune (default: ${DEFAULT-VALUE}).")
  double sparsity;

  @Option(names = "--masks", defaultValue = "10", description = "Random masks to evaluate (default: ${DEFAULT-VALUE}).")
  int masks;

  @Option(names = "--json", description = "Also write the figures to this JSON file.")
  Path json;

  @Mixin SharedOptions.Seed seedOption;

  @Mixin SharedOptions.Threads threadsOption;

  @Override
  public Integer call() {
    return CliErrors.run(this::check, spec.commandLine().getErr());
  }

  private int check() throws java.io.IOException {
    Torch.configure(threadsOption.threads);
    PrintWriter out = spec.commandLine().getOut();
    try (Denoiser m = modelOption.model == null ? ModelFile.loadDefault() : ModelFile.load(modelOption.model)) {
      List<NoisyPair> batch = FixedCrops.of(ShippedPhotos.load(Split.VAL, m.spec().color()),
          crops, size, new GaussianNoise(sigma), seedOption.seed);
      try (MaskEvaluator ev = new MaskEvaluator(m, batch)) {
        int n = m.units().size();
        Mask all = Mask.all(n);
        for (int i = 0; i < 3; i++) {
          ev.psnr(all); // warm-up
        }
        double full = ev.psnr(all);
        out.printf(Locale.ROOT, "crops: %d of %dx%d (val split), sigma %.1f, threads %d%n",
            ev.crops(), size, size, sigma, threadsOption.threads);
        out.printf(Locale.ROOT, "noisy input PSNR %.3f dB, unpruned %.3f dB (%+.3f)%n",
            ev.noisyPsnr(), full, full - ev.noisyPsnr());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("crops", ev.crops());
        report.put("size", size);
        report.put("sigma", sigma);
        report.put("threads", threadsOption.threads);
        report.put("noisy_psnr", ev.noisyPsnr());
        report.put("unpruned_psnr", full);
        List<Map<String, Object>> layerRows = new ArrayList<>();
        out.printf(Locale.ROOT, "%-8s %6s %10s %8s%n", "masked", "units", "psnr", "change");
        for (Layer layer : m.layers()) {
          Mask without = all;
          for (int j = 0; j < layer.units(); j++) {
            without = without.with(layer.firstUnit() + j, false);
          }
          double p = ev.psnr(without);
          out.printf(Locale.ROOT, "%-8s %6d %10.3f %+8.3f%n", layer.name(), layer.units(), p, p - full);
          layerRows.add(Map.of("layer", layer.name(), "units", layer.units(), "psnr", p));
        }
        report.put("layer_masked", layerRows);
        SplittableRandom rng = new SplittableRandom(seedOption.seed);
        int prune = (int) Math.round(sparsity * n);
        List<Mask> random = new ArrayList<>();
        for (int k = 0; k < masks; k++) {
          random.add(randomMask(n, prune, rng));
        }
        // random masks and the unpruned network alternate, so both see the same machine conditions;
        // pruned units are removed for real, so the unpruned network is the slowest case
        List<Mask> alternating = new ArrayList<>();
        for (Mask r : random) {
          alternating.add(r);
          alternating.add(all);
        }
        double[] psnr = new double[alternating.size()];
        double[][] times = timed(ev, alternating, psnr);
        double sum = 0;
        for (int k = 0; k < masks; k++) {
          sum += psnr[2 * k];
        }
        Timing randomTimes = Timing.of(times, 0);
        Timing fullTimes = Timing.of(times, 1);
        out.printf(Locale.ROOT, "random masks pruning %d of %d units: mean PSNR %.3f dB (%+.3f) over %d masks%n",
            prune, n, sum / masks, sum / masks - full, masks);
        out.printf(Locale.ROOT, "evaluation time per mask, random %d of %d pruned: %s%n", prune, n, randomTimes);
        out.printf(Locale.ROOT, "evaluation time per mask, nothing pruned:    %s%n", fullTimes);
        report.put("random_masks", Map.of("masks", masks, "pruned_units", prune, "units", n,
            "mean_psnr", sum / masks, "seconds_per_mask", randomTimes.asMap()));
        report.put("unpruned_seconds_per_mask", fullTimes.asMap());
        if (json != null) {
          AtomicFiles.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter()
              .writeValueAsString(report) + "\n");
        }
        out.flush();
      }
    }
    return ExitCodes.OK;
  }

  /** Wall seconds per mask (median, min, max), process CPU seconds per mask, load average. */
  record Timing(double median, double min, double max, double cpu, double load) {
    /** The even ({@code parity} 0) or odd (1) entries of {@link #timed}'s result. */
    static Timing of(double[][] timed, int parity) {
      int n = timed[0].length / 2;
      double[] wall = new double[n];
      double cpu = 0;
      for (int k = 0; k < n; k++) {
        wall[k] = timed[0][2 * k + parity];
        cpu += timed[1][2 * k + parity];
      }
      Arrays.sort(wall);
      return new Timing(wall[n / 2], wall[0], wall[n - 1], cpu / n,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    Map<String, Object> asMap() {
      return Map.of("median", median, "min", min, "max", max, "process_cpu", cpu, "load_average", load);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "median %.3f s, min %.3f s, max %.3f s; process CPU %.3f s per mask;"
          + " load average %.2f", median, min, max, cpu, load);
    }
  }

  /** Evaluates {@code list} (PSNRs into {@code psnr}): the wall and process CPU seconds of each. */
  private static double[][] timed(MaskEvaluator ev, List<Mask> list, double[] psnr) {
    double[][] out = new double[2][list.size()];
    for (int k = 0; k < list.size(); k++) {
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      psnr[k] = ev.psnr(list.get(k));
      out[0][k] = (System.nanoTime() - t0) / 1e9;
      out[1][k] = (processCpuNanos() - cpu0) / 1e9;
    }
    return out;
  }

  // CPU time of every thread of the process, PyTorch's native ones included
  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : 0;
  }

  static Mask randomMask(int n, int prune, SplittableRandom rng) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      idx.add(i);
    }
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    for (int k = 0; k < prune; k++) {
      int j = k + rng.nextInt(n - k);
      int t = idx.get(k);
      idx.set(k, idx.get(j));
      idx.set(j, t);
      keep[idx.get(k)] = false;
    }
    return Mask.of(keep);
  }

  /** Runs the command alone (the qprune launcher registers it as a subcommand). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new MaskCheckCommand()).execute(args));
  }
}
