package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;

/** The four arrays of one batch-norm layer (scale, shift, running mean and variance). */
final class BatchNormParams {
  private static final float EPS = 1e-5f;
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter mean;
  private final Parameter var;
  private final int channels;

  BatchNormParams(ParamFactory owner, String name, int channels) {
    this.channels = channels;
    Shape s = new Shape(channels);
    gamma = owner.param(name + ".gamma", Parameter.Type.GAMMA, s);
    beta = owner.param(name + ".beta", Parameter.Type.BETA, s);
    mean = owner.param(name + ".runningMean", Parameter.Type.RUNNING_MEAN, s);
    var = owner.param(name + ".runningVar", Parameter.Type.RUNNING_VAR, s);
  }

  /** Number of channels. */
  int channels() {
    return channels;
  }

  /** Batch statistics (and a running-average update) when training, running statistics if not. */
  NDArray apply(NDArray x, boolean training) {
    return BatchNorm.batchNorm(
            x, mean.getArray(), var.getArray(), gamma.getArray(), beta.getArray(), 1, 0.9f, EPS,
            training)
        .singletonOrThrow();
  }

  /**
   * The inference-time affine map of this layer (running statistics) times a per-channel factor:
   * {@code {scale, shift}} with scale = γ / √(var + ε) · m and shift = (β − mean · γ / √(var + ε))
   * · m, so that {@code bn(y) · m = y · scale + shift}.
   */
  float[][] fold(float[] m) {
    float[] g = gamma.getArray().toFloatArray();
    float[] b = beta.getArray().toFloatArray();
    float[] mu = mean.getArray().toFloatArray();
    float[] v = var.getArray().toFloatArray();
    float[] scale = new float[m.length];
    float[] shift = new float[m.length];
    for (int c = 0; c < m.length; c++) {
      double k = g[c] / Math.sqrt((double) v[c] + EPS);
      scale[c] = (float) (k * m[c]);
      shift[c] = (float) ((b[c] - mu[c] * k) * m[c]);
    }
    return new float[][] {scale, shift};
  }
}
