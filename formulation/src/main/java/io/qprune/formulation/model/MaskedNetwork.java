package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
public abstract class MaskedNetwork extends AbstractBlock {
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

  /** The parameters and FLOPs left when the units {@code mask} prunes are removed. */
  public abstract Cost cost(Mask mask);

  /** Creates and registers a parameter; weights get a seeded He-normal initialiser. */
  protected final Parameter param(String name, Parameter.Type type, Shape shape) {
    Parameter.Builder b = Parameter.builder().setName(name).setType(type).optShape(shape);
    if (type == Parameter.Type.WEIGHT) {
      b.optInitializer(new SeededInit(seed, name));
    }
    if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
      b.optRequiresGrad(false);
    }
    return addParameter(b.build());
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
