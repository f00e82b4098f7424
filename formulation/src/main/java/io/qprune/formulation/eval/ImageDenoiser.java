package io.qprune.formulation.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.SlimDenoiser;

/**
 * Denoises whole images of any size: reflection-pads to the network's size multiple, runs it in
 * inference mode under its current mask, and crops back to the original pixels, clipped to 0–255.
 */
public final class ImageDenoiser {
  private ImageDenoiser() {}

  /** The denoised image, same shape as {@code noisy}. */
  public static Image denoise(Denoiser model, Image noisy) {
    return denoise(model.spec(), model.manager(), noisy, (x, sub) -> model.denoise(x, false));
  }

  /** The image denoised by an exported (physically pruned) model, same shape as {@code noisy}. */
  public static Image denoise(SlimDenoiser model, Image noisy) {
    return denoise(model.spec(), model.manager(), noisy, model::denoise);
  }

  private static Image denoise(ModelSpec spec, NDManager manager, Image noisy,
      java.util.function.BiFunction<NDArray, NDManager, NDArray> net) {
    int ch = spec.color().channels();
    if (noisy.channels() != ch) {
      throw new InvalidInputException(
          "The model denoises " + spec.color() + " images but got " + noisy.channels()
              + " channels; convert the image first");
    }
    int[] size = new int[2];
    float[] padded = ReflectPad.toMultiple(noisy, spec.sizeMultiple(), size);
    int ph = size[0];
    int pw = size[1];
    float[] out;
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = sub.create(padded, new Shape(1, ch, ph, pw)).div(255f);
      out = net.apply(x, sub).mul(255f).toFloatArray();
    }
    int h = noisy.height();
    int w = noisy.width();
    float[] crop = new float[ch * h * w];
    for (int c = 0; c < ch; c++) {
      for (int y = 0; y < h; y++) {
        for (int xx = 0; xx < w; xx++) {
          float v = out[(c * ph + y) * pw + xx];
          crop[(c * h + y) * w + xx] = Math.max(0f, Math.min(255f, v));
        }
      }
    }
    return Image.of(ch, h, w, crop);
  }
}
