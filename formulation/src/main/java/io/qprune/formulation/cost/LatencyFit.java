package io.qprune.formulation.cost;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.SlimDenoiser;
import io.qprune.formulation.model.Torch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measured latency as a pruning cost, fitted to the whole network: the Half-UNet is cut to a set of
 * seeded random masks (every layer a random width, the levels' last blocks sometimes sharing their
 * units, sometimes not, so the fused map's width varies too), each cut network is timed end to end
 * on this machine (the exported network's runtime, {@link SlimDenoiser}; {@link ForwardTimer}'s
 * interleaved rounds, the median per mask), and the times are fitted by non-negative least squares
 * to the shape of {@link HalfUNetCost}: a weight per kept unit of each layer, per kept
 * producer × consumer pair, per fused channel × {@code dec1} unit and per fused channel. That is the
 * FLOPs count's own shape, so the fit is as exact a QUBO term as the FLOPs are; unlike a per-layer
 * table ({@link LatencyCosts}), the per-unit weights also absorb what scales with the widths outside
 * the convs (activations, pooling, the fusion), which a table of convs timed alone leaves out.
 *
 * <p>The fit is cached in a file keyed like the table (machine, DJL/PyTorch versions, the model's
 * shape, threads, input side, samples) and checked on a held-out quarter of the masks, whose error
 * is written beside it ({@link #holdoutRelRms}).
 */
public final class LatencyFit {
  private static final Logger LOG = LoggerFactory.getLogger(LatencyFit.class);
  /** Random masks timed by default. */
  public static final int DEFAULT_SAMPLES = 64;
  /** Timed rounds per mask (after {@link ForwardTimer}'s warm-ups). */
  public static final int DEFAULT_REPEATS = 5;
  static final long SEED = 17;

  private final Map<String, String> key;
  private final String kernels;
  private final double[] weights;
  private final List<Mask> masks;
  private final double[] ms;
  private final double holdoutRelRms;
  private final double fitRelRms;

  LatencyFit(Map<String, String> key, String kernels, double[] weights, List<Mask> masks, double[] ms,
      double holdoutRelRms, double fitRelRms) {
    this.key = Map.copyOf(key);
    this.kernels = kernels;
    this.weights = weights.clone();
    this.masks = List.copyOf(masks);
    this.ms = ms.clone();
    this.holdoutRelRms = holdoutRelRms;
    this.fitRelRms = fitRelRms;
  }

  /**
   * The fitted latency (ms per forward at {@code size}² input on {@code threads} PyTorch threads) of
   * {@code model}'s masks, from {@code cache}: measured (≈ 30–60 s) when the file is absent, was
   * measured under another key, or {@code refresh} is set; written atomically. A cached fit made with
   * other oneDNN kernels ({@link #kernels}) is used as it is unless {@code sameKernels} is set.
   */
  public static LatencyFit forModel(Denoiser model, Path cache, int threads, int size, boolean refresh,
      boolean sameKernels) {
    return forModel(model, cache, threads, size, DEFAULT_SAMPLES, DEFAULT_REPEATS, refresh, sameKernels);
  }

  static LatencyFit forModel(Denoiser model, Path cache, int threads, int size, int samples, int repeats,
      boolean refresh, boolean sameKernels) {
    if (model.spec().architecture() != Architecture.HALF_UNET) {
      throw new InvalidInputException("A latency budget is fitted for the Half-UNet only, not " + model.spec()
          + ". Maybe use --flops or --params.");
    }
    if (threads < 1 || samples < 8 || repeats < 1) {
      throw new InvalidInputException("The latency fit needs threads >= 1, samples >= 8 and repeats >= 1, got "
          + threads + ", " + samples + ", " + repeats);
    }
    LatencyCosts.checkSize(model, size);
    Map<String, String> key = LatencyCosts.key(model, threads, size, repeats);
    key.put("fit", "whole-network nnls");
    key.put("samples", Integer.toString(samples));
    if (!refresh && Files.exists(cache)) {
      LatencyFit cached = load(cache);
      if (cached.key.equals(key) && (!sameKernels || cached.kernels.equals(currentKernels()))) {
        if (!cached.kernels.equals(currentKernels())) {
          LOG.info("Using the latency fit in {}, measured with oneDNN kernels {} (this process: {})", cache,
              cached.kernels, currentKernels());
        }
        return cached;
      }
      LOG.info("The latency fit in {} was measured under another key or other kernels; measuring again", cache);
    }
    LatencyFit fit = measure(model, key, threads, size, samples, repeats);
    fit.save(cache);
    return fit;
  }

  /**
   * The oneDNN kernels this process runs with: {@code ONEDNN_MAX_CPU_ISA} ({@code ./qprune} sets SSE41
   * for commands that compute gradients, as prune does; forward-only commands keep the CPU's own).
   */
  static String currentKernels() {
    String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
    return isa == null || isa.isBlank() ? "cpu" : isa;
  }

  /** The oneDNN kernels the fit was measured with ({@link #currentKernels}). */
  public String kernels() {
    return kernels;
  }

  /** The default cache file: one per model shape, threads and input side, under ~/.cache/qprune. */
  public static Path defaultCache(Denoiser model, int threads, int size) {
    return Path.of(System.getProperty("user.home"), ".cache", "qprune",
        "latency-fit-" + LatencyCosts.shapeDigest(model) + "-" + threads + "t-" + size + ".json");
  }

  /** The fitted latency as a mask cost (ms). */
  public MaskCost cost(Denoiser model) {
    if (!LatencyCosts.shapeDigest(model).equals(key.get("model"))) {
      throw new InvalidInputException("The latency fit was measured on another model (shape " + key.get("model")
          + "), not " + model.spec() + ". Maybe measure it again with --refresh.");
    }
    return new HalfUNetCost(model.spec(), "latency", HalfUNetCost.Weights.of(weights));
  }

  /** The relative RMS error of a fit on three quarters of the masks, on the quarter it did not see. */
  public double holdoutRelRms() {
    return holdoutRelRms;
  }

  /** The relative RMS error of the fit on the masks it was fitted to. */
  public double fitRelRms() {
    return fitRelRms;
  }

  /** The measured median ms of the unpruned network (the first sample). */
  public double fullMs() {
    return ms[0];
  }

  public Map<String, String> key() {
    return key;
  }

  private static LatencyFit measure(Denoiser model, Map<String, String> key, int threads, int size, int samples,
      int repeats) {
    List<Mask> masks = sampleMasks(model, samples, SEED);
    LOG.info("Measuring the latency of {} masks of {} ({}² input, {} thread(s), {} rounds) for the latency fit",
        samples, model.spec(), size, threads, repeats);
    int before = Torch.setThreads(threads);
    List<SlimDenoiser> nets = new ArrayList<>();
    double[] ms = new double[samples];
    try {
      List<ForwardTimer.Net> timed = new ArrayList<>();
      for (int s = 0; s < samples; s++) {
        SlimDenoiser net = SlimDenoiser.of(model, masks.get(s));
        nets.add(net);
        timed.add(new ForwardTimer.Net(Integer.toString(s), net.manager(), net::denoise));
      }
      Map<String, double[]> t = ForwardTimer.time(timed,
          new Shape(1, model.spec().color().channels(), size, size), repeats);
      for (int s = 0; s < samples; s++) {
        ms[s] = ForwardTimer.quartiles(t.get(Integer.toString(s)))[1];
      }
    } finally {
      nets.forEach(SlimDenoiser::close);
      Torch.setThreads(before);
    }
    return fit(model, key, masks, ms);
  }

  /** Fits {@code ms} of {@code masks}: the held-out check on every fourth mask, then all of them. */
  static LatencyFit fit(Denoiser model, Map<String, String> key, List<Mask> masks, double[] ms) {
    double[][] f = new double[masks.size()][];
    for (int s = 0; s < masks.size(); s++) {
      f[s] = HalfUNetCost.features(model.spec(), masks.get(s).toKeep());
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int s = 0; s < masks.size(); s++) {
      (s % 4 == 3 ? test : train).add(s);
    }
    double[] partial = nnls(rows(f, train), values(ms, train));
    double holdout = relRms(f, ms, partial, test);
    double[] all = nnls(f, ms);
    double fitErr = relRms(f, ms, all, allIndices(masks.size()));
    LOG.info("Latency fit: relative RMS error {} on the fitted masks, {} held out", fitErr, holdout);
    return new LatencyFit(key, currentKernels(), all, masks, ms, holdout, fitErr);
  }

  /**
   * The masks timed: the unpruned network first, then for each sample every layer a uniform random
   * width in 2..all and random units, the levels' last blocks drawing their units from one shared
   * order on even samples (a narrow fused map) and independently on odd ones (a wide one).
   */
  static List<Mask> sampleMasks(Denoiser model, int samples, long seed) {
    int u = model.spec().channels() / 2;
    int levels = model.spec().depth();
    int layers = 2 * levels + 2;
    List<Mask> out = new ArrayList<>();
    out.add(Mask.all(u * layers));
    for (int s = 1; s < samples; s++) {
      Random r = new Random(seed * 1_000_003L + s);
      boolean[] keep = new boolean[u * layers];
      int[] shared = permutation(u, r);
      for (int k = 0; k < layers; k++) {
        int width = 2 + r.nextInt(u - 1);
        boolean lastOfLevel = k < 2 * levels && k % 2 == 1;
        int[] order = lastOfLevel && s % 2 == 0 ? shared : permutation(u, r);
        for (int j = 0; j < width; j++) {
          keep[k * u + order[j]] = true;
        }
      }
      out.add(Mask.of(keep));
    }
    return out;
  }

  /** A seeded random order of 0..n−1 (the JDK's Fisher–Yates shuffle). */
  private static int[] permutation(int n, Random r) {
    List<Integer> p = new ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
    java.util.Collections.shuffle(p, r);
    return p.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Non-negative least squares, min ‖A·w − b‖² over w ≥ 0, by exact coordinate descent on the
   * normal equations (convex, so it converges to the minimum; a column that is all zeros gets 0).
   */
  static double[] nnls(double[][] a, double[] b) {
    int p = a[0].length;
    double[][] g = new double[p][p];
    double[] h = new double[p];
    for (int s = 0; s < a.length; s++) {
      for (int i = 0; i < p; i++) {
        h[i] += a[s][i] * b[s];
        for (int j = 0; j < p; j++) {
          g[i][j] += a[s][i] * a[s][j];
        }
      }
    }
    double[] w = new double[p];
    double[] gw = new double[p];
    for (int sweep = 0; sweep < 200_000; sweep++) {
      double moved = 0;
      double size = 0;
      for (int i = 0; i < p; i++) {
        if (g[i][i] <= 0) {
          continue;
        }
        double next = Math.max(0, w[i] + (h[i] - gw[i]) / g[i][i]);
        double d = next - w[i];
        if (d != 0) {
          for (int j = 0; j < p; j++) {
            gw[j] += g[j][i] * d;
          }
          w[i] = next;
        }
        moved = Math.max(moved, Math.abs(d) * Math.sqrt(g[i][i]));
        size = Math.max(size, Math.abs(w[i]) * Math.sqrt(g[i][i]));
      }
      if (moved <= 1e-12 * Math.max(size, 1e-300)) {
        break;
      }
    }
    return w;
  }

  private static double relRms(double[][] f, double[] ms, double[] w, List<Integer> idx) {
    double sum = 0;
    for (int s : idx) {
      double pred = dot(f[s], w);
      double e = (pred - ms[s]) / ms[s];
      sum += e * e;
    }
    return Math.sqrt(sum / idx.size());
  }

  private static List<Integer> allIndices(int n) {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return l;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[][] rows(double[][] f, List<Integer> idx) {
    return idx.stream().map(i -> f[i]).toArray(double[][]::new);
  }

  private static double[] values(double[] v, List<Integer> idx) {
    return idx.stream().mapToDouble(i -> v[i]).toArray();
  }

  /** Writes the fit atomically as JSON: key, weights, errors, and every mask with its time. */
  void save(Path file) {
    ObjectNode root = CacheFiles.root(key);
    root.put("kernels", kernels);
    root.put("full_ms", fullMs());
    root.put("holdout_rel_rms", holdoutRelRms);
    root.put("fit_rel_rms", fitRelRms);
    ArrayNode w = root.putArray("weights");
    Arrays.stream(weights).forEach(w::add);
    ArrayNode arr = root.putArray("samples");
    for (int s = 0; s < masks.size(); s++) {
      arr.addObject().put("mask", masks.get(s).toString()).put("ms", ms[s]);
    }
    CacheFiles.write(file, root, "latency fit");
  }

  /** Reads a fit written by {@link #save}; a file of another shape is an error naming it. */
  static LatencyFit load(Path file) {
    try {
      JsonNode root = CacheFiles.read(file);
      Map<String, String> key = CacheFiles.key(root);
      double[] w = new double[CacheFiles.need(root, "weights").size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = root.get("weights").get(i).asDouble(Double.NaN);
        if (!Double.isFinite(w[i]) || w[i] < 0) {
          throw new IllegalArgumentException("weight " + i + " is " + root.get("weights").get(i));
        }
      }
      List<Mask> masks = new ArrayList<>();
      List<Double> ms = new ArrayList<>();
      for (JsonNode n : CacheFiles.need(root, "samples")) {
        masks.add(Mask.parse(CacheFiles.need(n, "mask").asText()));
        ms.add(CacheFiles.need(n, "ms").asDouble());
      }
      if (masks.isEmpty()) {
        throw new IllegalArgumentException("no samples");
      }
      return new LatencyFit(key, CacheFiles.need(root, "kernels").asText(), w, masks, ms.stream().mapToDouble(Double::doubleValue).toArray(),
          CacheFiles.need(root, "holdout_rel_rms").asDouble(), CacheFiles.need(root, "fit_rel_rms").asDouble());
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("Cannot read the latency fit " + file + ": " + e.getMessage()
          + ". Maybe delete it or measure again with --refresh.", e);
    }
  }
}
