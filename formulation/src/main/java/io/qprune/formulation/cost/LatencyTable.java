package io.qprune.formulation.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measured forward latency (milliseconds) of each prunable layer of a denoiser over a grid of
 * (kept input units, kept output units), with the rest of the network (pooling, fusion, head) as
 * one measured constant, and the key (machine, DJL/PyTorch version, model shape, threads, input
 * size) it was measured under. Values between grid points are interpolated bilinearly.
 */
public final class LatencyTable {
  private final Map<String, String> key;
  private final List<Grid> layers;
  private final double fullMs;
  private final double restMs;

  /** One layer's grid: {@code ms[a][b]} at {@code kIn[a]} input and {@code kOut[b]} output units. */
  record Grid(String layer, int[] kIn, int[] kOut, double[][] ms) {
    /** Bilinear interpolation (linear extrapolation outside the grid); 0 when no unit is kept. */
    double at(int in, int out) {
      if (out == 0) {
        return 0;
      }
      int a = cell(kIn, in);
      int b = cell(kOut, out);
      double u = kIn.length == 1 ? 0 : (in - kIn[a]) / (double) (kIn[a + 1] - kIn[a]);
      double v = kOut.length == 1 ? 0 : (out - kOut[b]) / (double) (kOut[b + 1] - kOut[b]);
      int a1 = Math.min(a + 1, kIn.length - 1);
      int b1 = Math.min(b + 1, kOut.length - 1);
      double t = (1 - u) * (1 - v) * ms[a][b] + u * (1 - v) * ms[a1][b] + (1 - u) * v * ms[a][b1] + u * v * ms[a1][b1];
      return Math.max(0, t);
    }

    /** The left index of the grid cell holding {@code k} (the first or last cell outside). */
    private static int cell(int[] grid, int k) {
      int i = 0;
      while (i + 2 < grid.length && k > grid[i + 1]) {
        i++;
      }
      return i;
    }
  }

  LatencyTable(Map<String, String> key, List<Grid> layers, double fullMs, double restMs) {
    this.key = Map.copyOf(key);
    this.layers = List.copyOf(layers);
    this.fullMs = fullMs;
    this.restMs = restMs;
  }

  /** What the table was measured under (cpu, cores, djl, pytorch, model, threads, size, ...). */
  public Map<String, String> key() {
    return key;
  }

  /** Measured end-to-end latency of the unpruned network (ms). */
  public double fullMs() {
    return fullMs;
  }

  /** The part of {@link #fullMs} outside the prunable layers (ms; measured, so it may be slightly negative). */
  public double restMs() {
    return restMs;
  }

  List<Grid> layers() {
    return layers;
  }

  /** Writes the table atomically as JSON. */
  void save(Path file) {
    ObjectNode root = CacheFiles.root(key);
    root.put("full_ms", fullMs);
    root.put("rest_ms", restMs);
    ArrayNode arr = root.putArray("layers");
    for (Grid g : layers) {
      ObjectNode n = arr.addObject();
      n.put("layer", g.layer());
      ArrayNode in = n.putArray("k_in");
      for (int v : g.kIn()) {
        in.add(v);
      }
      ArrayNode out = n.putArray("k_out");
      for (int v : g.kOut()) {
        out.add(v);
      }
      ArrayNode rows = n.putArray("ms");
      for (double[] row : g.ms()) {
        ArrayNode r = rows.addArray();
        for (double v : row) {
          r.add(v);
        }
      }
    }
    CacheFiles.write(file, root, "latency table");
  }

  /** Reads a table written by {@link #save}; a file of another shape is an error naming it. */
  static LatencyTable load(Path file) {
    try {
      JsonNode root = CacheFiles.read(file);
      Map<String, String> key = CacheFiles.key(root);
      List<Grid> grids = new ArrayList<>();
      for (JsonNode n : CacheFiles.need(root, "layers")) {
        int[] in = ints(CacheFiles.need(n, "k_in"));
        int[] out = ints(CacheFiles.need(n, "k_out"));
        double[][] ms = new double[in.length][out.length];
        for (int a = 0; a < in.length; a++) {
          for (int b = 0; b < out.length; b++) {
            ms[a][b] = CacheFiles.need(n, "ms").path(a).path(b).asDouble(Double.NaN);
            if (!Double.isFinite(ms[a][b])) {
              throw new IllegalArgumentException("layer " + n.get("layer") + ": ms[" + a + "][" + b + "] is missing");
            }
          }
        }
        grids.add(new Grid(CacheFiles.need(n, "layer").asText(), in, out, ms));
      }
      return new LatencyTable(key, grids, CacheFiles.need(root, "full_ms").asDouble(), CacheFiles.need(root, "rest_ms").asDouble());
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("The latency table " + file + " cannot be read (" + e.getMessage()
          + "). Maybe delete it or measure again with --refresh.", e);
    }
  }

  private static int[] ints(JsonNode a) {
    int[] v = new int[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asInt();
    }
    return v;
  }
}
