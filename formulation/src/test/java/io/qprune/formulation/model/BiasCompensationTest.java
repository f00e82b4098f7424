package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.NoisyPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bias compensation: the masked and exported networks agree, and the mean is restored exactly. */
class BiasCompensationTest {
  static {
    Torch.configure(1);
  }

  @TempDir Path dir;

  private static List<NoisyPair> crops(int n, int size, long seed) {
    List<NoisyPair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = ModelTestSupport.randomPixels(size * size, seed + i);
      for (int p = 0; p < v.length; p++) {
        v[p] *= 255f;
      }
      Image img = Image.of(1, size, size, v);
      out.add(new NoisyPair("crop" + i, img, img));
    }
    return out;
  }

  private static Mask pruneLayer(Denoiser m, Mask mask, String name, int units) {
    for (Layer layer : m.layers()) {
      if (layer.name().equals(name)) {
        for (int j = 0; j < units; j++) {
          mask = mask.with(layer.firstUnit() + j, false);
        }
      }
    }
    return mask;
  }

  private static float[] out(Denoiser m, float[] x, Shape shape) {
    try (NDManager sub = m.manager().newSubManager()) {
      return m.denoise(sub.create(x, shape), false).toFloatArray();
    }
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }

  private static double maxDiff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  @Test
  void theCompensatedMaskedNetworkAndItsExportAgree() throws Exception {
    try (Denoiser m = ModelTestSupport.halfUNet(8, 3)) {
      ModelTestSupport.randomizeNormsAndBiases(m, 21);
      UnitMeans means = UnitMeans.measure(m, crops(3, 32, 7), 2);
      int n = m.units().size();
      SplittableRandom r = new SplittableRandom(3);
      boolean[] random = new boolean[n];
      for (int i = 0; i < n; i++) {
        random[i] = r.nextDouble() >= 0.4;
      }
      // random; a whole level-end layer pruned (its successor sees a zero map); unit 0 pruned at every level end
      Mask all = Mask.all(n);
      List<Mask> masks = List.of(Mask.of(random), pruneLayer(m, Mask.of(random), "enc2b", 4),
          pruneLayer(m, pruneLayer(m, pruneLayer(m, all, "enc1b", 1), "enc2b", 1), "enc3b", 1));
      Shape shape = new Shape(1, 1, 16, 24);
      float[] x = ModelTestSupport.randomPixels((int) shape.size(), 4);
      for (Mask mask : masks) {
        m.setMask(mask);
        m.setCompensation(null);
        float[] plain = out(m, x, shape);
        m.setCompensation(means);
        float[] masked = out(m, x, shape);
        Path file = dir.resolve("slim.qpm");
        try (SlimDenoiser cut = SlimDenoiser.of(m, mask)) {
          SlimModelFile.save(cut, file);
        }
        float[] slim;
        try (SlimDenoiser loaded = SlimModelFile.load(file); NDManager own = loaded.manager().newSubManager()) {
          assertThat(loaded.info()).containsEntry("bias_compensation", "true");
          slim = loaded.denoise(own.create(x, shape), own).toFloatArray();
        }
        float[] folded;
        try (NDManager sub = m.manager().newSubManager()) {
          folded = m.denoiseFolded(sub.create(x, shape), mask, sub).toFloatArray();
        }
        // relative to the output's scale, as SlimDenoiserTest compares (float rounding only)
        double scale = maxDiff(masked, new float[masked.length]);
        assertThat(maxDiff(masked, plain) / scale).as("compensation changes the output").isGreaterThan(1e-2);
        assertThat(maxDiff(masked, slim) / scale).as(mask + " scale " + scale).isLessThan(1e-4);
        assertThat(maxDiff(masked, folded) / scale).as(mask + " scale " + scale).isLessThan(1e-4);
      }
    }
  }

  @Test
  void compensationRestoresTheMeanThroughTheLinearHead() {
    try (Denoiser m = ModelTestSupport.halfUNet(8, 2)) {
      ModelTestSupport.randomizeNormsAndBiases(m, 5);
      List<NoisyPair> one = crops(1, 16, 11);
      Shape shape = new Shape(1, 1, 16, 16);
      float[] x = new float[256];
      for (int i = 0; i < x.length; i++) {
        x[i] = one.get(0).noisy().get(0, i / 16, i % 16) / 255f;
      }
      float[] full = out(m, x, shape);
      UnitMeans means = UnitMeans.measure(m, one, 1);
      // dec2 feeds only the 1x1 head, a linear map: replacing its pruned units by their means keeps the mean
      m.setMask(pruneLayer(m, Mask.all(m.units().size()), "dec2", 3));
      float[] pruned = out(m, x, shape);
      m.setCompensation(means);
      float[] compensated = out(m, x, shape);
      assertThat(Math.abs(mean(pruned) - mean(full))).isGreaterThan(1e-3);
      assertThat(mean(compensated)).isCloseTo(mean(full), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void theCalibrationPassGivesTheSameMeansAsAPassOfTheirOwn() {
    try (Denoiser m = ModelTestSupport.halfUNet(8, 3)) {
      ModelTestSupport.randomizeNormsAndBiases(m, 8);
      List<NoisyPair> crops = crops(3, 32, 2);
      UnitMeans own = UnitMeans.measure(m, crops, 2);
      UnitMeans.Accumulator acc = UnitMeans.accumulator();
      MaskGradients.compute(m, crops.subList(0, 2), 4, acc);
      MaskGradients.compute(m, crops.subList(2, 3), 4, acc);
      UnitMeans fromCalibration = acc.means();
      assertThat(fromCalibration.layers()).isEqualTo(m.layers().size());
      for (int k = 0; k < own.layers(); k++) {
        for (int c = 0; c < 8; c++) {
          assertThat(fromCalibration.plain(k, c)).isCloseTo(own.plain(k, c), org.assertj.core.data.Offset.offset(1e-5));
          assertThat(fromCalibration.pooled(k, c)).isCloseTo(own.pooled(k, c), org.assertj.core.data.Offset.offset(1e-5));
        }
      }
      assertThat(own.plain(1, 0)).isNotEqualTo(own.pooled(1, 0));
    }
  }

  @Test
  void dnCnnSaysCompensationIsHalfUNetOnly() {
    try (Denoiser m = ModelTestSupport.dncnn(4, 3)) {
      UnitMeans means = UnitMeans.measure(m, crops(1, 8, 1), 1);
      assertThatThrownBy(() -> m.setCompensation(means)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("Half-UNet only");
    }
  }
}
