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
    Accumulator sums = new Accumulator();
    for (int from = 0; from < crops.size(); from += chunk) {
      List<NoisyPair> part = crops.subList(from, Math.min(crops.size(), from + chunk));
      int h = part.get(0).noisy().height();
      int w = part.get(0).noisy().width();
      float[] x = NoisyPair.stack(part, NoisyPair::noisy, "Crop", ch);
      try (NDManager sub = model.manager().newSubManager()) {
        List<NDArray> taps = new ArrayList<>();
        model.denoise(sub.create(x, new Shape(part.size(), ch, h, w)).div(255f), null, false, taps);
        sums.add(taps);
      }
    }
    return sums.means();
  }

  /** An accumulator of the means: each layer's taps (as {@link MaskedNetwork#denoise} records them) added in. */
  public static Accumulator accumulator() {
    return new Accumulator();
  }

  /** Sums of the per-channel means, weighted by the samples of each batch. */
  public static final class Accumulator {
    private double[][] plain;
    private double[][] pooled;
    private long samples;

    private Accumulator() {}

    /** Adds one batch: the layers' unmasked outputs, N × channels × h × w each. */
    void add(List<NDArray> taps) {
      if (plain == null) {
        plain = new double[taps.size()][];
        pooled = new double[taps.size()][];
      }
      long n = taps.get(0).getShape().get(0);
      for (int k = 0; k < taps.size(); k++) {
        NDArray tap = taps.get(k);
        plain[k] = accumulate(plain[k], channelMeans(tap), n);
        if (tap.getShape().get(2) >= 2 && tap.getShape().get(3) >= 2) {
          pooled[k] = accumulate(pooled[k], channelMeans(HalfUNet.pool(tap)), n);
        }
      }
      samples += n;
    }

    /** The means of everything added (an error before anything was). */
    public UnitMeans means() {
      if (samples == 0) {
        throw new IllegalStateException("No samples were added to the unit means");
      }
      double[][] a = new double[plain.length][];
      double[][] b = new double[plain.length][];
      for (int k = 0; k < plain.length; k++) {
        a[k] = scaled(plain[k], samples);
        b[k] = scaled(pooled[k], samples);
      }
      return new UnitMeans(a, b);
    }
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

  private static double[] accumulate(double[] sum, float[] mean, long weight) {
    double[] s = sum == null ? new double[mean.length] : sum;
    for (int c = 0; c < mean.length; c++) {
      s[c] += (double) mean[c] * weight;
    }
    return s;
  }

  private static double[] scaled(double[] v, long n) {
    if (v == null) {
      return null;
    }
    double[] out = new double[v.length];
    for (int c = 0; c < v.length; c++) {
      out[c] = v[c] / n;
    }
    return out;
  }
}
