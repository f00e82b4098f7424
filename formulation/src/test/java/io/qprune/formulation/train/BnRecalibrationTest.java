package io.qprune.formulation.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import org.junit.jupiter.api.Test;

class BnRecalibrationTest {
  static {
    Torch.configure(1);
  }

  private static float[] out(Denoiser m) {
    try (NDManager sub = m.manager().newSubManager()) {
      float[] x = new float[16 * 16];
      for (int i = 0; i < x.length; i++) {
        x[i] = (i * 37 % 101) / 101f;
      }
      return m.denoise(sub.create(x, new Shape(1, 1, 16, 16)), false).toFloatArray();
    }
  }

  @Test
  void statisticsForgetTheirStartAndWeightsStay() {
    ModelSpec spec = new ModelSpec(Architecture.HALF_UNET, 4, 2, ColorMode.GREY);
    try (Denoiser a = Denoiser.create(spec, 2); Denoiser b = Denoiser.create(spec, 2)) {
      Mask mask = Mask.all(a.units().size()).with(1, false).with(5, false);
      a.setMask(mask);
      b.setMask(mask);
      // b starts from absurd running means: after recalibration both must agree
      b.network().getParameters().forEach(p -> {
        if (p.getKey().endsWith("runningMean")) {
          p.getValue().getArray().addi(1f);
        }
      });
      float[] before = out(a);
      float weight = a.network().getParameters().get("enc1a.primary.weight").getArray().getFloat(0, 0, 0, 0);
      BnRecalibration.run(a, 100, 4, 16, new GaussianNoise(25), 3);
      BnRecalibration.run(b, 100, 4, 16, new GaussianNoise(25), 3);
      float[] pa = out(a);
      float[] pb = out(b);
      double diff = 0;
      double moved = 0;
      for (int i = 0; i < pa.length; i++) {
        diff = Math.max(diff, Math.abs(pa[i] - pb[i]));
        moved = Math.max(moved, Math.abs(pa[i] - before[i]));
      }
      assertThat(diff).isLessThan(2e-3);
      assertThat(moved).isGreaterThan(1e-4);
      assertThat(a.network().getParameters().get("enc1a.primary.weight").getArray().getFloat(0, 0, 0, 0))
          .isEqualTo(weight);
    }
  }
}
