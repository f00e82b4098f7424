package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.SplittableRandom;

/** Small helpers shared by the model (and evaluation) tests. */
public final class ModelTestSupport {
  private ModelTestSupport() {}

  static {
    Torch.configure(1);
  }

  public static Denoiser halfUNet(int channels, int levels) {
    return Denoiser.create(new ModelSpec(Architecture.HALF_UNET, channels, levels,
        io.qprune.formulation.data.ColorMode.GREY), 5);
  }

  public static Denoiser dncnn(int channels, int depth) {
    return Denoiser.create(new ModelSpec(Architecture.DNCNN, channels, depth,
        io.qprune.formulation.data.ColorMode.GREY), 5);
  }

  static float[] randomPixels(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble();
    }
    return v;
  }

  /**
   * Gives every batch norm non-trivial running statistics and affine parameters (and every bias a
   * non-zero value), as a trained network has: mean in ±0.5, variance in 0.2–2, γ in 0.5–1.5, β
   * in ±0.3, bias in ±0.2.
   */
  public static void randomizeNormsAndBiases(Denoiser m, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (var p : m.network().getParameters()) {
      Parameter.Type t = p.getValue().getType();
      NDArray a = p.getValue().getArray();
      float[] v = new float[(int) a.size()];
      for (int i = 0; i < v.length; i++) {
        double u = r.nextDouble();
        v[i] = (float) switch (t) {
          case RUNNING_MEAN -> u - 0.5;
          case RUNNING_VAR -> 0.2 + 1.8 * u;
          case GAMMA -> 0.5 + u;
          case BETA -> 0.6 * u - 0.3;
          case BIAS -> 0.4 * u - 0.2;
          default -> Double.NaN;
        };
      }
      if (!Float.isNaN(v.length == 0 ? 0f : v[0])) {
        a.set(v);
      }
    }
  }

  static float[] run(Denoiser m, NDManager sub, float[] x, Shape shape) {
    NDArray in = sub.create(x, shape);
    return m.denoise(in, false).toFloatArray();
  }
}
