package io.qprune.formulation.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Calibration;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.MaskGradients;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.CalibrationCrops;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibratorTest {
  static {
    Torch.configure(1);
  }

  @Test
  void chunkedPassesGiveTheScoresOfOnePassAndMatchTheirDefinitions() {
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 6, 2, ColorMode.GREY), 3)) {
      List<NoisyPair> crops = CalibrationCrops.of(ColorMode.GREY, 5, 16, new GaussianNoise(25), 4);
      ScoreSet one = new Calibrator(5, 4, false).measure(m, crops);
      ScoreSet chunked = new Calibrator(2, 4, false).measure(m, crops);
      Calibration ref = MaskGradients.compute(m, crops, 0);
      double[] t = one.raw(ScoreKind.TAYLOR);
      double[] f = one.raw(ScoreKind.FISHER);
      for (int u = 0; u < m.units().size(); u++) {
        assertThat(t[u]).isCloseTo(ref.taylor(u), within(1e-9 + 1e-6 * ref.taylor(u)));
        assertThat(f[u]).isCloseTo(ref.fisher(u), within(1e-12 + 1e-6 * ref.fisher(u)));
        assertThat(chunked.raw(ScoreKind.TAYLOR)[u]).isCloseTo(t[u], within(1e-9 + 1e-5 * t[u]));
        assertThat(chunked.raw(ScoreKind.FISHER)[u]).isCloseTo(f[u], within(1e-12 + 1e-5 * f[u]));
      }
      UnitLayout l = one.layout();
      assertThat(l.ids()).startsWith("enc1a:0", "enc1a:1", "enc1a:2", "enc1b:0");
      for (int layer = 0; layer < l.numLayers(); layer++) {
        for (int a = 0; a < l.layerSize(layer); a++) {
          for (int b = 0; b < l.layerSize(layer); b++) {
            double s = one.similarity().get(layer, a, b);
            assertThat(s).isBetween(0.0, 1.0).isEqualTo(one.similarity().get(layer, b, a));
            assertThat(s).isCloseTo(chunked.similarity().get(layer, a, b), within(1e-6));
          }
        }
      }
      // L1: unit j of a Ghost layer = |primary filter j| + |cheap filter j|
      var params = m.network().getParameters();
      double expected = params.get("enc1b.primary.weight").getArray().get(2).abs().sum().getFloat()
          + params.get("enc1b.cheap.weight").getArray().get(2).abs().sum().getFloat();
      assertThat(one.raw(ScoreKind.L1)[3 + 2]).isCloseTo(expected, within(1e-4));
    }
  }

  @Test
  void theRunsCalibrationIgnoresTheMaskTheModelHolds() {
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 4, 2, ColorMode.GREY), 3)) {
      io.qprune.formulation.prune.PruneConfig cfg = io.qprune.formulation.prune.PruneConfig.defaults()
          .with("calibration_crops", 3).with("calibration_size", 16).with("pooled", 4);
      ScoreSet full = io.qprune.formulation.prune.PruneRun.calibrate(m, cfg);
      io.qprune.formulation.model.Mask pruned =
          io.qprune.formulation.model.Mask.all(m.units().size()).with(0, false).with(3, false);
      m.setMask(pruned);
      ScoreSet again = io.qprune.formulation.prune.PruneRun.calibrate(m, cfg);
      assertThat(again.raw(ScoreKind.FISHER)).containsExactly(full.raw(ScoreKind.FISHER));
      assertThat(m.mask()).isEqualTo(pruned);
    }
  }
}
