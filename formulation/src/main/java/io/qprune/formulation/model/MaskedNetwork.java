package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A residual denoiser whose prunable units are multiplied by masks in the forward pass; inputs
 * and outputs are NCHW on the 0–1 scale.
 */
public abstract class MaskedNetwork extends AbstractBlock implements ParamFactory {
  private final long seed;

  protected MaskedNetwork(long seed) {
    super((byte) 1);
    this.seed = seed;
  }

  /** The prunable layers, in forward order. */
  public abstract List<Layer> layers();

  /**
   * Denoises {@code x} (N × C × H × W, 0–1 scale). {@code masks} holds one array per layer of
   * shape (1 or N) × units × 1 × 1, or is null to keep every unit; when {@code taps} is not null
   * each layer's unmasked output (N × channels × h × w) is appended to it.
   */
  public abstract NDArray denoise(
      NDArray x, List<NDArray> masks, boolean training, List<NDArray> taps);

  /**
   * {@link #denoise} at inference (running statistics) under the 0/1 unit mask {@code mask}, with
   * the batch norms and the mask folded into the conv weights and biases: the same output up to
   * float rounding, without the per-pixel batch-norm and mask passes. The folded weights are made
   * in {@code arrays}; the activations land in {@code x}'s manager.
   */
  public abstract NDArray denoiseFolded(NDArray x, Mask mask, NDManager arrays);

  /**
   * The network under {@code mask} with the pruned units cut away (see {@link SlimDenoiser}): per
   * layer its convs cut to the kept channels over the kept inputs, batch norm folded in (none for a
   * fully pruned layer), then one entry with the output conv. The weights are made in {@code arrays}.
   */
  final List<List<SlicedConv>> cut(Mask mask, NDManager arrays) {
    return cut(mask, null, arrays);
  }

  /**
   * {@link #cut(Mask, NDManager)} with the bias compensation {@code deltas} (from {@link
   * #compensation}, or null for none) folded into the biases.
   */
  abstract List<List<SlicedConv>> cut(Mask mask, float[][] deltas, NDManager arrays);

  /**
   * The bias compensation of {@code mask}: the values each consumer conv adds to its output for the
   * calibration means of the pruned units it no longer sees (layout per network; see the Half-UNet's).
   * Only the Half-UNet implements it.
   */
  float[][] compensation(Mask mask, UnitMeans means) {
    throw new io.qprune.api.InvalidInputException("Bias compensation is implemented for the Half-UNet only, not "
        + getClass().getSimpleName() + ". Maybe set bias_compensation: false.");
  }

  /** {@link #denoise} at inference under {@code masks} with the compensation {@code deltas} added. */
  NDArray denoiseCompensated(NDArray x, List<NDArray> masks, float[][] deltas, NDManager arrays) {
    throw new IllegalStateException("no bias compensation for " + getClass().getSimpleName());
  }

  /** The kept unit indices of every layer under {@code mask}, ascending. */
  final List<int[]> keptUnits(Mask mask) {
    List<int[]> out = new java.util.ArrayList<>();
    for (Layer layer : layers()) {
      out.add(java.util.stream.IntStream.range(0, layer.units())
          .filter(j -> mask.keeps(layer.firstUnit() + j)).toArray());
    }
    return out;
  }

  /** Every conv whose weights may be pruned one by one, in forward order. */
  abstract List<Conv> weightConvs();

  /** The individually prunable weight layers (every conv's weight), in forward order. */
  public final List<WeightLayer> weightLayers() {
    List<WeightLayer> out = new java.util.ArrayList<>();
    int offset = 0;
    for (Conv c : weightConvs()) {
      int n = Math.toIntExact(c.weight().getArray().getShape().size());
      out.add(new WeightLayer(c.name(), out.size(), n, offset));
      offset += n;
    }
    return out;
  }

  /** The current weights of weight layer {@code i}, flattened. */
  public final float[] weights(int i) {
    return weightConvs().get(i).weight().getArray().toFloatArray();
  }

  /**
   * Multiplies every prunable conv weight by its entry of {@code masks} (one flattened 0/1 array per
   * weight layer) in place; the returned handle restores the weights when closed.
   */
  public final AutoCloseable pruneWeights(List<float[]> masks) {
    List<Conv> convs = weightConvs();
    if (masks.size() != convs.size()) {
      throw new io.qprune.api.InvalidInputException("Got weight masks for " + masks.size() + " layers; the network"
          + " has " + convs.size());
    }
    List<float[]> saved = new java.util.ArrayList<>();
    for (int i = 0; i < convs.size(); i++) {
      NDArray w = convs.get(i).weight().getArray();
      float[] v = w.toFloatArray();
      if (masks.get(i).length != v.length) {
        throw new io.qprune.api.InvalidInputException("The weight mask of " + convs.get(i).name() + " has "
            + masks.get(i).length + " entries; the layer has " + v.length + " weights");
      }
      saved.add(v.clone());
      for (int k = 0; k < v.length; k++) {
        v[k] *= masks.get(i)[k];
      }
      w.set(v);
    }
    return () -> {
      for (int i = 0; i < convs.size(); i++) {
        convs.get(i).weight().getArray().set(saved.get(i));
      }
    };
  }

  /** The 0/1 values of {@code mask} for {@code layer}'s units. */
  protected static float[] layerMask(Mask mask, Layer layer) {
    float[] v = new float[layer.units()];
    for (int j = 0; j < v.length; j++) {
      v[j] = mask.keeps(layer.firstUnit() + j) ? 1f : 0f;
    }
    return v;
  }

  /** The parameters and FLOPs left when the units {@code mask} prunes are removed. */
  public abstract Cost cost(Mask mask);

  /** Creates and registers a parameter; weights get a seeded He-normal initialiser. */
  @Override
  public final Parameter param(String name, Parameter.Type type, Shape shape) {
    return addParameter(ParamFactory.build(seed, name, type, shape));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(denoise(inputs.singletonOrThrow(), null, training, null));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
