package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.NoisyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes per-sample {@code ∂L/∂mask} for every unit: each layer's output is multiplied by a
 * leaf mask array of shape 1 × units × 1 × 1 (holding the model's current mask) whose gradient is
 * read after a backward pass in inference mode (BN uses running statistics), one pass per sample
 * (see {@link #compute} for why not one batched pass). The weights are frozen meanwhile and get no gradient.
 */
public final class MaskGradients {
  private MaskGradients() {}

  /**
   * Gradients on {@code batch} (equal-sized crops, multiples of the model's size multiple); when
   * {@code pooled > 0}, also each unit's activations average-pooled to pooled × pooled (the crop
   * size at the deepest level must be a multiple of it).
   */
  public static Calibration compute(Denoiser model, List<NoisyPair> batch, int pooled) {
    return compute(model, batch, pooled, null);
  }

  /**
   * {@link #compute(Denoiser, List, int)} that also adds every layer's unmasked output to {@code means}
   * (null: none), so bias compensation needs no pass of its own.
   */
  public static Calibration compute(Denoiser model, List<NoisyPair> batch, int pooled, UnitMeans.Accumulator means) {
    if (batch.isEmpty()) {
      throw new InvalidInputException("Calibration needs at least one sample");
    }
    int n = batch.size();
    int ch = model.spec().color().channels();
    int h = batch.get(0).clean().height();
    int w = batch.get(0).clean().width();
    int per = ch * h * w;
    float[] noisy = NoisyPair.stack(batch, NoisyPair::noisy, "Calibration crop", ch);
    float[] clean = NoisyPair.stack(batch, NoisyPair::clean, "Calibration crop", ch);
    List<Layer> layers = model.layers();
    double[][] grads = new double[model.units().size()][n];
    float[][] acts = pooled > 0 ? new float[model.units().size()][] : null;
    model.network().freezeParameters(true);
    try {
      // One sample per pass: on some CPUs (seen on an AVX-512 AMD EPYC with PyTorch 2.7.1) the
      // native conv backward to its input is wrong for batches of more than one sample (other
      // samples' values or uninitialised memory leak in), while single-sample passes are right.
      for (int s = 0; s < n; s++) {
        try (NDManager sub = model.manager().newSubManager()) {
          Shape shape = new Shape(1, ch, h, w);
          NDArray x = sub.create(Arrays.copyOfRange(noisy, s * per, (s + 1) * per), shape).div(255f);
          NDArray y = sub.create(Arrays.copyOfRange(clean, s * per, (s + 1) * per), shape).div(255f);
          List<NDArray> masks = model.maskArrays(model.mask(), sub);
          masks.forEach(m -> m.setRequiresGradient(true));
          List<NDArray> taps = pooled > 0 || means != null ? new ArrayList<>() : null;
          try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray out = model.denoise(x, masks, false, taps);
            gc.backward(out.sub(y).square().mean());
          }
          if (means != null) {
            means.add(taps);
          }
          for (Layer layer : layers) {
            float[] g = masks.get(layer.index()).getGradient().toFloatArray();
            for (int j = 0; j < layer.units(); j++) {
              grads[layer.firstUnit() + j][s] = g[j];
            }
            if (acts != null) {
              pool(taps.get(layer.index()), layer, pooled, acts, s, n);
            }
          }
        }
      }
    } finally {
      model.network().freezeParameters(false);
    }
    return new Calibration(grads, acts, n, Math.max(pooled, 0));
  }

  /**
   * Pools the one-sample {@code tap} (its channel k·units + j belongs to the layer's unit j) into
   * sample {@code smp}'s place among {@code n} in acts.
   */
  static void pool(NDArray tap, Layer layer, int pooled, float[][] acts, int smp, int n) {
    Shape s = tap.getShape();
    long taken = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    if (h % pooled != 0 || w % pooled != 0) {
      throw new InvalidInputException("Layer " + layer.name() + " maps are " + h + "x" + w
          + ", not a multiple of the pooled size " + pooled + "; use larger crops or pool less");
    }
    float[] p = tap.reshape(taken, c, pooled, h / pooled, pooled, w / pooled)
        .mean(new int[] {5}).mean(new int[] {3}).toFloatArray();
    int cpu = layer.channelsPerUnit();
    int u = layer.units();
    int area = pooled * pooled;
    for (int j = 0; j < u; j++) {
      if (acts[layer.firstUnit() + j] == null) {
        acts[layer.firstUnit() + j] = new float[n * cpu * area];
      }
      float[] a = acts[layer.firstUnit() + j];
      for (int k = 0; k < cpu; k++) {
        int channel = k * u + j;
        System.arraycopy(p, channel * area, a, (smp * cpu + k) * area, area);
      }
    }
  }
}
