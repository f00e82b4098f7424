package io.qprune.formulation.cost;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.Torch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Measured latency as a pruning cost (HALP's idea): each prunable layer of a denoiser is timed alone
 * on this machine (DJL forward) over a small grid of (kept input units, kept output units), the
 * rest of the network as one constant, and the table is cached in a file keyed by machine, DJL and
 * PyTorch versions, the model's shape, threads and input size. {@link #forModel} fits each layer's
 * grid by least squares to {@code a + b·k_in + c·k_out + d·k_in·k_out}, which is exactly a
 * constant, linear terms on the producer and own units and pairwise producer × own-unit terms: a
 * {@link QuadraticCost} in milliseconds over the model's unit order ({@link Denoiser#units()}).
 *
 * <p>Approximations, by design: the Half-UNet's fused map keeps the union of the units the levels
 * keep, which is not quadratic; the fit takes its width as the mean of the levels' kept counts
 * (exact when the levels keep the same units). A fully pruned layer costs {@code a + b·k_in} in the
 * quadratic, 0 in the table ({@link #predictMs}), as the evaluator skips it.
 */
public final class LatencyCosts {
  /** The default input side the table is measured at. */
  public static final int DEFAULT_SIZE = 256;
  static final int DEFAULT_GRID = 4;
  static final int DEFAULT_REPEATS = 5;

  private LatencyCosts() {}

  /**
   * The latency cost (ms at {@value #DEFAULT_SIZE}² input, {@code threads} PyTorch threads) of
   * {@code model}'s masks, from the table cached in {@code cacheFile}: measured (≈ 10–60 s) when the
   * file is absent, was measured under another key, or {@code refresh} is set; written atomically.
   */
  public static QuadraticCost forModel(Denoiser model, Path cacheFile, int threads, boolean refresh) {
    return quadratic(model, table(model, cacheFile, threads, refresh, DEFAULT_SIZE, DEFAULT_GRID, DEFAULT_REPEATS));
  }

  /** The cached table for {@code model} (see {@link #forModel}), measured when needed. */
  public static LatencyTable table(Denoiser model, Path cacheFile, int threads, boolean refresh, int size) {
    return table(model, cacheFile, threads, refresh, size, DEFAULT_GRID, DEFAULT_REPEATS);
  }

  static LatencyTable table(Denoiser model, Path cacheFile, int threads, boolean refresh, int size, int grid,
      int repeats) {
    if (threads < 1) {
      throw new InvalidInputException("Latency threads must be >= 1, got " + threads);
    }
    checkSize(model, size);
    Map<String, String> key = key(model, threads, size, repeats);
    key.put("grid", Integer.toString(grid));
    if (!refresh && Files.exists(cacheFile)) {
      LatencyTable cached = LatencyTable.load(cacheFile);
      if (cached.key().equals(key)) {
        return cached;
      }
    }
    LatencyTable t = measure(model, key, threads, size, grid, repeats);
    t.save(cacheFile);
    return t;
  }

  /** An error unless {@code size} is a positive multiple of the network's down-sampling factor. */
  static void checkSize(Denoiser model, int size) {
    if (size < 1 || size % model.spec().sizeMultiple() != 0) {
      throw new InvalidInputException("The latency input side must be a positive multiple of "
          + model.spec().sizeMultiple() + " for " + model.spec() + ", got " + size);
    }
  }

  /**
   * The key a latency measurement is cached under: machine, versions, the model's shape digest, and
   * how it is measured (a table adds its grid, a fit its method and samples).
   */
  static Map<String, String> key(Denoiser model, int threads, int size, int repeats) {
    Map<String, String> k = machineKey();
    k.put("model", shapeDigest(model));
    k.put("threads", Integer.toString(threads));
    k.put("size", Integer.toString(size));
    k.put("repeats", Integer.toString(repeats));
    return k;
  }

  /** The machine and versions part of a latency key: CPU model, cores, DJL and PyTorch versions. */
  static Map<String, String> machineKey() {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("cpu", cpuModel());
    k.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    k.put("djl", Engine.getDjlVersion());
    k.put("pytorch", Torch.engine().getVersion());
    return k;
  }

  private static LatencyTable measure(Denoiser model, Map<String, String> key, int threads, int size, int grid,
      int repeats) {
    List<LayerWiring> wiring = LayerWiring.of(model);
    int before = Torch.setThreads(threads);
    try (NDManager m = Torch.engine().newBaseManager()) {
      LatencyProbe probe = new LatencyProbe(m, repeats);
      // the whole network first: it also warms up PyTorch's kernels and allocator for the layers
      double full = probe.networkMs(model, Mask.all(model.units().size()), size);
      List<LatencyTable.Grid> grids = new ArrayList<>();
      double layersFull = 0;
      for (LayerWiring w : wiring) {
        int[] in = w.producers().isEmpty() ? new int[] {w.fixedIn()} : gridValues(w.maxIn(), grid);
        int[] out = gridValues(w.layer().units(), grid);
        double[][] ms = new double[in.length][out.length];
        long side = size >> w.level();
        for (int a = 0; a < in.length; a++) {
          for (int b = 0; b < out.length; b++) {
            ms[a][b] = probe.layerMs(w.inChannels(in[a]), out[b], side, side, w.ghost());
          }
        }
        LatencyTable.Grid g = new LatencyTable.Grid(w.layer().name(), in, out, ms);
        layersFull += g.at(w.maxIn(), w.layer().units());
        grids.add(g);
      }
      return new LatencyTable(key, grids, full, full - layersFull);
    } finally {
      Torch.setThreads(before);
    }
  }

  /** About {@code n} distinct widths spread evenly over 1..max, max included. */
  static int[] gridValues(int max, int n) {
    return IntStream.rangeClosed(1, n).map(i -> Math.max(1, (int) Math.round((double) max * i / n)))
        .distinct().toArray();
  }

  /** The latency the table predicts for {@code mask} (ms): interpolated layers plus the rest. */
  public static double predictMs(Denoiser model, LatencyTable table, Mask mask) {
    List<LayerWiring> wiring = checked(model, table);
    double t = table.restMs();
    for (int l = 0; l < wiring.size(); l++) {
      t += table.layers().get(l).at(wiring.get(l).kIn(mask), wiring.get(l).kOut(mask));
    }
    return t;
  }

  /** The least-squares bilinear fit of every layer's grid as a quadratic cost over the model's units. */
  public static QuadraticCost quadratic(Denoiser model, LatencyTable table) {
    List<LayerWiring> wiring = checked(model, table);
    int n = model.units().size();
    double constant = table.restMs();
    double[] linear = new double[n];
    List<int[]> pairs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int l = 0; l < wiring.size(); l++) {
      LayerWiring w = wiring.get(l);
      double[] f = BilinearFit.fit(table.layers().get(l));
      Layer own = w.layer();
      constant += f[0];
      double share = w.union() ? 1.0 / w.producers().size() : 1.0;
      for (int j = 0; j < own.units(); j++) {
        linear[own.firstUnit() + j] += f[2];
      }
      for (Layer p : w.producers()) {
        for (int i = 0; i < p.units(); i++) {
          linear[p.firstUnit() + i] += f[1] * share;
          for (int j = 0; j < own.units(); j++) {
            pairs.add(new int[] {p.firstUnit() + i, own.firstUnit() + j});
            weights.add(f[3] * share);
          }
        }
      }
    }
    int[] pi = pairs.stream().mapToInt(p -> p[0]).toArray();
    int[] pj = pairs.stream().mapToInt(p -> p[1]).toArray();
    double[] pw = weights.stream().mapToDouble(Double::doubleValue).toArray();
    return new QuadraticCost("latency", n, constant, linear, pi, pj, pw);
  }

  private static List<LayerWiring> checked(Denoiser model, LatencyTable table) {
    List<LayerWiring> wiring = LayerWiring.of(model);
    List<String> names = table.layers().stream().map(LatencyTable.Grid::layer).toList();
    List<String> expected = wiring.stream().map(w -> w.layer().name()).toList();
    if (!names.equals(expected) || !shapeDigest(model).equals(table.key().get("model"))) {
      throw new InvalidInputException("The latency table was measured on another model (layers " + names
          + ", shape " + table.key().get("model") + "), not " + model.spec() + " (" + shapeDigest(model)
          + "). Maybe measure it again with --refresh.");
    }
    return wiring;
  }

  /** SHA-256 (first 16 hex digits) of the layer shapes, all that a layer's latency depends on. */
  static String shapeDigest(Denoiser model) {
    StringBuilder b = new StringBuilder(model.spec().architecture().id());
    for (LayerWiring w : LayerWiring.of(model)) {
      b.append(';').append(w.describe());
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CPU model from /proc/cpuinfo (os.arch where there is none). */
  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }
}
