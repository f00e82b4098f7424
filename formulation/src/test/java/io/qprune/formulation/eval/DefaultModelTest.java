package io.qprune.formulation.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.FixedCrops;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model on the fixed validation crops: it denoises, and pruning hurts as expected. */
class DefaultModelTest {
  static Denoiser model;
  static MaskEvaluator eval;
  static double full;

  @BeforeAll
  static void load() {
    Torch.configure(1);
    model = ModelFile.loadDefault();
    List<NoisyPair> crops = FixedCrops.of(ShippedPhotos.load(Split.VAL, ColorMode.GREY), 16, 128,
        new GaussianNoise(25), 1);
    eval = new MaskEvaluator(model, crops);
    full = eval.psnr(Mask.all(model.units().size()));
  }

  @AfterAll
  static void close() {
    eval.close();
    model.close();
  }

  @Test
  void isTheDefaultHalfUNetAndDenoisesWell() {
    assertThat(model.spec()).isEqualTo(ModelSpec.defaultHalfUNet());
    assertThat(eval.crops()).isGreaterThanOrEqualTo(16);
    assertThat(eval.noisyPsnr()).isBetween(20.0, 20.4); // sigma 25: 20.17 dB expected
    assertThat(full - eval.noisyPsnr()).isGreaterThan(7.0);
  }

  @Test
  void maskingAWholeShallowOrDecoderLayerLowersPsnr() {
    // the full-resolution layers carry the signal; deep levels (enc3..enc5) matter little and
    // masking one of them moves validation PSNR by about ±0.1 dB either way (docs/results.md)
    for (String name : List.of("enc1a", "enc1b", "enc2b", "dec1", "dec2")) {
      Layer layer = model.layers().stream().filter(l -> l.name().equals(name)).findFirst().get();
      Mask m = Mask.all(model.units().size());
      for (int j = 0; j < layer.units(); j++) {
        m = m.with(layer.firstUnit() + j, false);
      }
      assertThat(eval.psnr(m)).as(name).isLessThan(full - 0.3);
    }
  }

  @Test
  void randomlyPruning36PercentLowersPsnrAndPruningMoreLowersItMore() {
    int n = model.units().size();
    SplittableRandom rng = new SplittableRandom(7);
    double sum36 = 0;
    double sum10 = 0;
    for (int k = 0; k < 3; k++) {
      int[] order = rng.ints(0, Integer.MAX_VALUE).limit(n).toArray();
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      java.util.Arrays.sort(idx, (a, b) -> Integer.compare(order[a], order[b]));
      Mask m10 = Mask.all(n);
      for (int i = 0; i < Math.round(0.10 * n); i++) {
        m10 = m10.with(idx[i], false);
      }
      Mask m36 = m10;
      for (int i = (int) Math.round(0.10 * n); i < Math.round(0.36 * n); i++) {
        m36 = m36.with(idx[i], false);
      }
      assertThat(m36.kept()).isEqualTo(n - Math.round(0.36 * n));
      sum10 += eval.psnr(m10);
      sum36 += eval.psnr(m36);
    }
    assertThat(sum10 / 3).isLessThan(full);
    assertThat(sum36 / 3).isLessThan(sum10 / 3);
  }

  @Test
  void aZeroMaskIsAClearErrorNotNaN() {
    assertThatThrownBy(() -> eval.psnr(Mask.ofBits(new int[model.units().size()])))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Keep at least one unit");
  }
}
