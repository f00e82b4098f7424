package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Small helpers shared by the model tests. */
final class ModelTestSupport {
  private ModelTestSupport() {}

  static {
    Torch.configure(1);
  }

  static Denoiser halfUNet(int channels, int levels) {
    return Denoiser.create(new ModelSpec(Architecture.HALF_UNET, channels, levels,
        io.qprune.formulation.data.ColorMode.GREY), 5);
  }

  static Denoiser dncnn(int channels, int depth) {
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

  static float[] run(Denoiser m, NDManager sub, float[] x, Shape shape) {
    NDArray in = sub.create(x, shape);
    return m.denoise(in, false).toFloatArray();
  }
}
