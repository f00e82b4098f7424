package io.qprune.formulation.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.SlimDenoiser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measured latency as a pruning cost, fitted to the whole network: the Half-UNet is cut to a set of
 * seeded random masks (every layer a random width, the levels' last blocks sometimes sharing their
 * units, sometimes not, so the fused map's width varies too), each cut network is timed end to end
 * on this machine (the exported network's runtime, {@link SlimDenoiser}; {@link ForwardTimer}'s
 * interleaved rounds, the median per mask; the unpruned network, whose time every cap is a fraction of, first,
 * in the middle and last of the loop), and the times are fitted by non-negative least squares
 * to the shape of {@link HalfUNetCost}: a weight per kept unit of each layer, per kept
 * producer × consumer pair, per fused channel × {@code dec1} unit and per fused channel. That is the
 * FLOPs count's own shape, so the fit is as exact a QUBO term as the FLOPs are; unlike a per-layer
 * table ({@link LatencyCosts}), the per-unit weights also absorb what scales with the widths outside
 * the convs (activations, pooling, the fusion), which a table of convs timed alone leaves out.
 *
 * <p>A DnCNN's fit is the same method on its own cost shape (a weight per kept unit of each layer and
 * per kept pair of consecutive layers); the ResNet classifier's ({@link #forClassifier}) on {@link ResNetCost}'s
 * shape (a weight per kept channel of each channel layer and per kept input × output pair of each
 * block conv), its cut networks ({@code SlimResNet}) timed on batches of its images.
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
  /** How many of the samples (the last ones) were learned from chosen masks ({@link #learn}). */
  private final int learned;

  LatencyFit(Map<String, String> key, String kernels, double[] weights, List<Mask> masks, double[] ms,
      double holdoutRelRms, double fitRelRms, int learned) {
    this.key = Map.copyOf(key);
    this.kernels = kernels;
    this.weights = weights.clone();
    this.masks = List.copyOf(masks);
    this.ms = ms.clone();
    this.holdoutRelRms = holdoutRelRms;
    this.fitRelRms = fitRelRms;
    this.learned = learned;
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
    return forSubject(LatencySubject.of(model, size), cache, threads, samples, repeats, refresh, sameKernels);
  }

  /**
   * The fitted latency (ms per forward of a batch of {@code batch} images on {@code threads}
   * PyTorch threads) of {@code model}'s channel masks, from {@code cache}: measured when the file is
   * absent, was measured under another key, or {@code refresh} is set; written atomically. A cached
   * fit made with other oneDNN kernels is used as it is unless {@code sameKernels} is set.
   */
  public static LatencyFit forClassifier(Classifier model, Path cache, int threads, int batch, boolean refresh,
      boolean sameKernels) {
    return forClassifier(model, cache, threads, batch, DEFAULT_SAMPLES, DEFAULT_REPEATS, refresh, sameKernels);
  }

  static LatencyFit forClassifier(Classifier model, Path cache, int threads, int batch, int samples, int repeats,
      boolean refresh, boolean sameKernels) {
    return forSubject(LatencySubject.of(model, batch), cache, threads, samples, repeats, refresh, sameKernels);
  }

  private static LatencyFit forSubject(LatencySubject subject, Path cache, int threads, int samples, int repeats,
      boolean refresh, boolean sameKernels) {
    if (threads < 1 || samples < 8 || repeats < 1) {
      throw new InvalidInputException("The latency fit needs threads >= 1, samples >= 8 and repeats >= 1, got "
          + threads + ", " + samples + ", " + repeats);
    }
    Map<String, String> key = subject.key(threads, repeats);
    key.put("fit", "whole-network nnls");
    key.put("anchor", "unpruned timed first, middle and last");
    key.put("samples", Integer.toString(samples));
    // the allocator changes wide networks' times several-fold (docs/results.md, issue 17 part N)
    key.put("malloc", Objects.requireNonNullElse(System.getenv("GLIBC_TUNABLES"), "glibc defaults"));
    if (!refresh && Files.exists(cache)) {
      LatencyFit cached = load(cache);
      if (cached.key.equals(key) && (!sameKernels || cached.kernels.equals(currentKernels()))) {
        cached = cached.withSamples(subject, List.of(), new double[0]); // the weights of this code's fit
        if (!cached.kernels.equals(currentKernels())) {
          LOG.info("Using the latency fit in {}, measured with oneDNN kernels {} (this process: {})", cache,
              cached.kernels, currentKernels());
        }
        return cached;
      }
      LOG.info("The latency fit in {} was measured under another key or other kernels; measuring again", cache);
    }
    List<Mask> masks = subject.sample(samples, SEED);
    LOG.info("Measuring the latency of {} masks ({} thread(s), {} rounds) for the latency fit", samples, threads,
        repeats);
    LatencySubject.Timed t = subject.timeBesideUnpruned(masks.subList(1, masks.size()), threads, repeats);
    double[] ms = new double[samples];
    ms[0] = t.unprunedMs();
    System.arraycopy(t.ms(), 0, ms, 1, samples - 1);
    LatencyFit fit = fit(subject, key, masks, ms);
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

  /** The default cache file of a classifier's fit: one per shape, threads and batch, under ~/.cache/qprune. */
  public static Path defaultCache(Classifier model, int threads, int batch) {
    return Path.of(System.getProperty("user.home"), ".cache", "qprune",
        "latency-fit-resnet-" + LatencySubject.digest(model) + "-" + threads + "t-b" + batch + ".json");
  }

  /** The fitted latency as a mask cost (ms). */
  public MaskCost cost(Denoiser model) {
    return cost(subject(model), LatencyCosts.shapeDigest(model), model.spec().toString());
  }

  /** The fitted latency of a classifier's channel masks (ms per batch), an exact quadratic. */
  public QuadraticCost cost(Classifier model) {
    return (QuadraticCost) cost(subject(model), LatencySubject.digest(model), model.spec().toString());
  }

  private MaskCost cost(LatencySubject subject, String digest, String what) {
    if (!digest.equals(key.get("model"))) {
      throw new InvalidInputException("The latency fit was measured on another model (shape " + key.get("model")
          + "), not " + what + ". Maybe measure it again with --refresh.");
    }
    return subject.cost(weights);
  }

  /** The denoiser at this fit's input side. */
  private LatencySubject subject(Denoiser model) {
    if (!key.containsKey("size")) {
      throw new InvalidInputException("This latency fit was measured on a classifier, not " + model.spec());
    }
    return LatencySubject.of(model, Integer.parseInt(key.get("size")));
  }

  /** The classifier at this fit's batch. */
  private LatencySubject subject(Classifier model) {
    if (!key.containsKey("batch")) {
      throw new InvalidInputException("This latency fit was measured on a denoiser, not " + model.spec());
    }
    return LatencySubject.of(model, Integer.parseInt(key.get("batch")));
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

  /**
   * What {@link #learn} did: the refitted fit, and for each mask it was given (duplicates once), the
   * time measured now and what the fit predicted before and after (ms, scaled to the fit's unpruned
   * time).
   */
  public record Learned(LatencyFit fit, List<Mask> masks, double[] measuredMs, double[] beforeMs,
      double[] afterMs) {}

  /**
   * This fit, refitted with {@code chosen} masks measured now. The masks a budgeted search picks are
   * the ones the fit thinks cheapest for what they keep, so its errors there lean one way (the search
   * finds where the fit is optimistic: part K measured 0.02–0.05 of the unpruned time): timing those
   * masks and fitting again puts samples where the decisions are made. Each chosen mask and {@code
   * neighbours} seeded perturbations of it ({@link FitMasks#neighbourhood}) are timed beside the unpruned
   * network in one interleaved loop (the unpruned network three times: first, middle, last), on the
   * fit's threads, input side and rounds; each enters the fit as its measured ratio to the unpruned
   * network's median over those rounds, times {@link #fullMs} — the ratio a measurement of the pruned
   * network reports (the milliseconds of a shared machine drift between sittings, and not by the
   * same factor for wide and narrow networks). Needs the fit's own oneDNN kernels.
   */
  public Learned learn(Denoiser model, List<Mask> chosen, int neighbours, long seed) {
    cost(model); // checks the model
    return learn(subject(model), chosen, neighbours, seed);
  }

  /** {@link #learn(Denoiser, List, int, long)} for a classifier's channel masks (its cut networks). */
  public Learned learn(Classifier model, List<Mask> chosen, int neighbours, long seed) {
    cost(model); // checks the model
    return learn(subject(model), chosen, neighbours, seed);
  }

  private Learned learn(LatencySubject subject, List<Mask> chosen, int neighbours, long seed) {
    if (!kernels.equals(currentKernels())) {
      throw new InvalidInputException("The latency fit was measured with oneDNN kernels " + kernels
          + ", this process runs " + currentKernels() + ": learn from masks in a process with the same kernels"
          + " (qprune bench latency keeps the CPU's own)");
    }
    List<Mask> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(chosen));
    if (distinct.isEmpty()) {
      throw new InvalidInputException("No masks to learn the latency fit from");
    }
    List<Mask> timed = FitMasks.neighbourhood(subject.layers(), distinct, neighbours, seed);
    int threads = Integer.parseInt(key.get("threads"));
    int repeats = Integer.parseInt(key.get("repeats"));
    LOG.info("Timing {} masks ({} given, {} neighbours each) for the latency fit ({} thread(s))",
        timed.size(), distinct.size(), neighbours, threads);
    LatencySubject.Timed t = subject.timeBesideUnpruned(timed, threads, repeats);
    LOG.info("The unpruned network in this sitting: {} ms (stored {} ms)", t.unprunedMs(), fullMs());
    double[] newMs = Arrays.stream(t.ms()).map(v -> v / t.unprunedMs() * fullMs()).toArray();
    LatencyFit next = withSamples(subject, timed, newMs);
    MaskCost before = subject.cost(weights);
    MaskCost after = subject.cost(next.weights);
    double[] measured = new double[distinct.size()];
    double[] b = new double[distinct.size()];
    double[] a = new double[distinct.size()];
    for (int i = 0; i < distinct.size(); i++) {
      measured[i] = newMs[i * (neighbours + 1)];
      b[i] = before.value(distinct.get(i));
      a[i] = after.value(distinct.get(i));
    }
    return new Learned(next, distinct, measured, b, a);
  }

  /** This fit's samples and {@code more} with their times, fitted again (the key stays: same setting). */
  LatencyFit withSamples(LatencySubject subject, List<Mask> more, double[] moreMs) {
    List<Mask> all = new ArrayList<>(masks);
    all.addAll(more);
    double[] allMs = java.util.stream.DoubleStream.concat(Arrays.stream(ms), Arrays.stream(moreMs)).toArray();
    LatencyFit f = fit(subject, key, all, allMs);
    return new LatencyFit(key, kernels, f.weights, all, allMs, f.holdoutRelRms, f.fitRelRms, learned + more.size());
  }

  /** Masks the fit holds beyond its seeded random ones (learned from, {@link #learn}). */
  public int learnedSamples() {
    return learned;
  }

  /** Fits {@code ms} of {@code masks}: the held-out check on every fourth mask, then all of them. */
  static LatencyFit fit(LatencySubject subject, Map<String, String> key, List<Mask> masks, double[] ms) {
    double[][] f = masks.stream().map(m -> subject.features(m.toKeep())).toArray(double[][]::new);
    AnchoredFit a = AnchoredFit.of(f, ms, masks.get(0).kept() == masks.get(0).size());
    LOG.info("Latency fit: relative RMS error {} on the fitted masks, {} held out", a.fitRelRms(), a.holdoutRelRms());
    return new LatencyFit(key, currentKernels(), a.weights(), masks, ms, a.holdoutRelRms(), a.fitRelRms(), 0);
  }

  /** Writes the fit atomically as JSON: key, weights, errors, and every mask with its time. */
  public void save(Path file) {
    ObjectNode root = CacheFiles.root(key);
    root.put("kernels", kernels);
    root.put("full_ms", fullMs());
    root.put("holdout_rel_rms", holdoutRelRms);
    root.put("fit_rel_rms", fitRelRms);
    root.put("learned_samples", learnedSamples());
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
          CacheFiles.need(root, "holdout_rel_rms").asDouble(), CacheFiles.need(root, "fit_rel_rms").asDouble(),
          root.path("learned_samples").asInt(0));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("Cannot read the latency fit " + file + ": " + e.getMessage()
          + ". Maybe delete it or measure again with --refresh.", e);
    }
  }
}
