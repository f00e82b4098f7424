package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.NoisyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibration means of every layer's output channels on the unpruned network at inference (running
 * statistics): per channel the mean over crops and pixels of the map, and of its 2×2 max-pooled map
 * (what the next Half-UNet level sees). Bias compensation folds these means of the pruned units into
 * their consumers' biases ({@link MaskedNetwork#compensation}).
 */
public final class UnitMeans {
  private final double[][] plain;
  private final double[][] pooled;

  private UnitMeans(double[][] plain, double[][] pooled) {
    this.plain = plain;
    this.pooled = pooled;
  }

  /** One forward pass (no gradients) over {@code crops} in chunks of {@code chunk}, all units kept. */
  public static UnitMeans measure(Denoiser model, List<NoisyPair> crops, int chunk) {
    if (crops.isEmpty() || chunk < 1) {
      throw new InvalidInputException("Unit means need at least one crop and a chunk >= 1, got "
          + crops.size() + " crops and chunk " + chunk);
    }
    int ch = model.spec().color().channels();
    List<Layer> layers = model.layers();
    double[][] plain = new double[layers.size()][];
    double[][] pooled = new double[layers.size()][];
    for (int from = 0; from < crops.size(); from += chunk) {
      List<NoisyPair> part = crops.subList(from, Math.min(crops.size(), from + chunk));
      int h = part.get(0).noisy().height();
      int w = part.get(0).noisy().width();
      float[] x = new float[part.size() * ch * h * w];
      for (int i = 0; i < part.size(); i++) {
        part.get(i).noisy().copyTo(x, i * ch * h * w);
      }
      try (NDManager sub = model.manager().newSubManager()) {
        List<NDArray> taps = new ArrayList<>();
        model.denoise(sub.create(x, new Shape(part.size(), ch, h, w)).div(255f), null, false, taps);
        for (int k = 0; k < layers.size(); k++) {
          NDArray tap = taps.get(k);
          plain[k] = add(plain[k], channelMeans(tap), part.size());
          if (tap.getShape().get(2) >= 2 && tap.getShape().get(3) >= 2) {
            pooled[k] = add(pooled[k], channelMeans(HalfUNet.pool(tap)), part.size());
          }
        }
      }
    }
    for (int k = 0; k < layers.size(); k++) {
      scale(plain[k], crops.size());
      scale(pooled[k], crops.size());
    }
    return new UnitMeans(plain, pooled);
  }

  /** Means given directly (tests): per layer, per output channel; {@code pooled} may hold nulls. */
  static UnitMeans of(double[][] plain, double[][] pooled) {
    return new UnitMeans(plain.clone(), pooled.clone());
  }

  /** Mean of channel {@code c} of layer {@code k}'s output (over crops and pixels). */
  public double plain(int k, int c) {
    return plain[k][c];
  }

  /** Mean of channel {@code c} of layer {@code k}'s 2×2 max-pooled output. */
  public double pooled(int k, int c) {
    if (pooled[k] == null) {
      throw new IllegalStateException("No pooled means of layer " + k + " (maps smaller than 2x2)");
    }
    return pooled[k][c];
  }

  /** Number of layers. */
  public int layers() {
    return plain.length;
  }

  /** Per channel the mean over samples and pixels (DJL's mean takes one axis at a time). */
  private static float[] channelMeans(NDArray a) {
    return a.mean(new int[] {3}).mean(new int[] {2}).mean(new int[] {0}).toFloatArray();
  }

  private static double[] add(double[] sum, float[] mean, int weight) {
    double[] s = sum == null ? new double[mean.length] : sum;
    for (int c = 0; c < mean.length; c++) {
      s[c] += (double) mean[c] * weight;
    }
    return s;
  }

  private static void scale(double[] v, int n) {
    if (v != null) {
      for (int c = 0; c < v.length; c++) {
        v[c] /= n;
      }
    }
  }
}
