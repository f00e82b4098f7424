package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.NoisyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskGradientsTest {
  private static List<NoisyPair> batch(int n, int size) {
    List<NoisyPair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] clean = ModelTestSupport.randomPixels(size * size, 10 + i);
      float[] noisy = ModelTestSupport.randomPixels(size * size, 20 + i);
      for (int k = 0; k < clean.length; k++) {
        clean[k] *= 255;
        noisy[k] = clean[k] * 0.7f + noisy[k] * 76;
      }
      out.add(new NoisyPair("s" + i, Image.of(1, size, size, clean), Image.of(1, size, size, noisy)));
    }
    return out;
  }

  /** Loss of one sample with unit {@code unit}'s mask set to {@code value}, others 1. */
  private static double loss(Denoiser m, NoisyPair p, int unit, double value) {
    try (NDManager sub = m.manager().newSubManager()) {
      int s = p.clean().height();
      NDArray x = sub.create(p.noisy().pixels(), new Shape(1, 1, s, s)).div(255f);
      NDArray y = sub.create(p.clean().pixels(), new Shape(1, 1, s, s)).div(255f);
      List<NDArray> masks = new ArrayList<>();
      for (Layer l : m.layers()) {
        float[] v = new float[l.units()];
        java.util.Arrays.fill(v, 1f);
        if (unit >= l.firstUnit() && unit < l.firstUnit() + l.units()) {
          v[unit - l.firstUnit()] = (float) value;
        }
        masks.add(sub.create(v, new Shape(1, l.units(), 1, 1)));
      }
      return m.denoise(x, masks, false, null).sub(y).square().mean().getFloat();
    }
  }

  @Test
  void gradientsMatchFiniteDifferencesPerSample() {
    try (Denoiser m = ModelTestSupport.halfUNet(8, 2)) {
      List<NoisyPair> b = batch(2, 16);
      Calibration c = MaskGradients.compute(m, b, 0);
      assertThat(c.units()).isEqualTo(m.units().size());
      assertThat(c.samples()).isEqualTo(2);
      for (int unit : new int[] {1, 6, 13, 22}) {
        for (int s = 0; s < 2; s++) {
          double eps = 0.002;
          double fd = (loss(m, b.get(s), unit, 1 + eps) - loss(m, b.get(s), unit, 1 - eps)) / (2 * eps);
          assertThat(c.gradient(unit, s)).as("unit %d sample %d", unit, s)
              .isCloseTo(fd, within(0.05 * Math.abs(fd) + 2e-6));
        }
      }
    }
  }

  @Test
  void samplesDoNotInteractAndScoresFollowTheirDefinitions() {
    try (Denoiser m = ModelTestSupport.dncnn(6, 4)) {
      List<NoisyPair> b = batch(3, 16);
      Calibration all = MaskGradients.compute(m, b, 0);
      Calibration last = MaskGradients.compute(m, b.subList(2, 3), 0);
      for (int u = 0; u < all.units(); u++) {
        assertThat(all.gradient(u, 2)).isCloseTo(last.gradient(u, 0), within(1e-7));
        double[] g = all.gradients(u);
        assertThat(all.taylor(u)).isCloseTo(Math.abs((g[0] + g[1] + g[2]) / 3), within(1e-12));
        assertThat(all.fisher(u)).isCloseTo((g[0] * g[0] + g[1] * g[1] + g[2] * g[2]) / 6, within(1e-15));
      }
      assertThat(all.hasActivations()).isFalse();
    }
  }

  @Test
  void prunedUnitsStillGetAGradientAndActivationsArePooledPerUnit() {
    try (Denoiser m = ModelTestSupport.halfUNet(4, 2)) {
      m.setMask(Mask.all(m.units().size()).with(0, false));
      Calibration c = MaskGradients.compute(m, batch(2, 16), 4);
      assertThat(c.gradient(0, 0)).isNotZero();
      assertThat(c.pooledSize()).isEqualTo(4);
      // Ghost unit: 2 channels x 4 x 4 per sample, 2 samples
      assertThat(c.activations(0)).hasSize(2 * 2 * 16);
      // weights got no gradient and stay trainable afterwards
      m.network().getParameters().forEach(p -> {
        if (p.getValue().requiresGradient()) {
          assertThat(p.getValue().getArray().hasGradient()).isTrue();
        }
      });
    }
  }
}
