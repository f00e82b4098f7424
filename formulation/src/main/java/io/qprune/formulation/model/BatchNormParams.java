package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;

/** The four arrays of one batch-norm layer (scale, shift, running mean and variance). */
final class BatchNormParams {
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter mean;
  private final Parameter var;

  BatchNormParams(MaskedNetwork owner, String name, int channels) {
    Shape s = new Shape(channels);
    gamma = owner.param(name + ".gamma", Parameter.Type.GAMMA, s);
    beta = owner.param(name + ".beta", Parameter.Type.BETA, s);
    mean = owner.param(name + ".runningMean", Parameter.Type.RUNNING_MEAN, s);
    var = owner.param(name + ".runningVar", Parameter.Type.RUNNING_VAR, s);
  }

  /** Batch statistics (and a running-average update) when training, running statistics if not. */
  NDArray apply(NDArray x, boolean training) {
    return BatchNorm.batchNorm(
            x, mean.getArray(), var.getArray(), gamma.getArray(), beta.getArray(), 1, 0.9f, 1e-5f,
            training)
        .singletonOrThrow();
  }
}
