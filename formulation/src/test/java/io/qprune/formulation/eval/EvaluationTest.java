package io.qprune.formulation.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  static {
    Torch.configure(1);
  }

  private static Image image(int c, int h, int w) {
    float[] px = new float[c * h * w];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) (128 + 100 * Math.sin(i * 0.05));
    }
    return Image.of(c, h, w, px);
  }

  @Test
  void oddSizedRgbImagesArePaddedAndScoredOnTheirOwnPixels() {
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 4, 3, ColorMode.RGB), 2)) {
      Image clean = image(3, 21, 23);
      Image noisy = new GaussianNoise(20).apply(clean, Noise.rngFor(1, "x"));
      Image out = ImageDenoiser.denoise(m, noisy);
      assertThat(out.channels()).isEqualTo(3);
      assertThat(out.height()).isEqualTo(21);
      assertThat(out.width()).isEqualTo(23);
      for (float v : out.pixels()) {
        assertThat(v).isBetween(0f, 255f);
      }
      // the unpadded top-left 20x20 equals running the network on the reflect-padded 24x24 input
      int[] size = new int[2];
      float[] padded = ReflectPad.toMultiple(noisy, 4, size);
      try (NDManager sub = m.manager().newSubManager()) {
        float[] raw = m.denoise(sub.create(padded, new Shape(1, 3, 24, 24)).div(255f), false)
            .mul(255f).toFloatArray();
        float v = Math.max(0f, Math.min(255f, raw[(2 * 24 + 20) * 24 + 22]));
        assertThat(out.get(2, 20, 22)).isEqualTo(v);
      }
      EvalReport r = Evaluation.run(m, List.of(new NoisyPair("x", clean, noisy)));
      assertThat(r.psnr()).isEqualTo(Psnr.of(clean, out));
      assertThat(r.ssim()).isEqualTo(Ssim.of(clean, out));
      assertThat(r.noisyPsnr()).isEqualTo(Psnr.of(clean, noisy));
      assertThat(r.perImage()).hasSize(1);
    }
  }

  @Test
  void aGreyImageForAnRgbModelIsAClearError() {
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.DNCNN, 4, 3, ColorMode.RGB), 2)) {
      assertThatThrownBy(() -> ImageDenoiser.denoise(m, image(1, 12, 12)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("rgb");
    }
  }
}
