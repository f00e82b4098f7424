package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batch norm and mask folded into the conv weights give the regular masked inference output. */
class FoldedDenoiseTest {
  static {
    Torch.configure(1);
  }

  /** The full mask, a random mask pruning about 40%, and one pruning all of layer 1. */
  private static Map<String, Mask> masks(Denoiser m) {
    int n = m.units().size();
    Map<String, Mask> out = new LinkedHashMap<>();
    out.put("full", Mask.all(n));
    SplittableRandom r = new SplittableRandom(3);
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      keep[i] = r.nextDouble() >= 0.4;
    }
    keep[0] = true;
    out.put("random", Mask.of(keep));
    Layer layer = m.layers().get(1);
    Mask without = Mask.all(n);
    for (int j = 0; j < layer.units(); j++) {
      without = without.with(layer.firstUnit() + j, false);
    }
    out.put("layer " + layer.name() + " pruned", without);
    return out;
  }

  /** Largest |folded − regular| over the outputs, relative to the largest |regular|. */
  private static double relativeDifference(Denoiser m, Mask mask, Shape shape, long seed) {
    try (NDManager sub = m.manager().newSubManager()) {
      NDArray x = sub.create(ModelTestSupport.randomPixels((int) shape.size(), seed), shape);
      float[] regular = m.denoise(x, m.maskArrays(mask, sub), false, null).toFloatArray();
      float[] folded = m.denoiseFolded(x, mask, sub).toFloatArray();
      assertThat(folded).hasSameSizeAs(regular);
      double diff = 0;
      double scale = 0;
      for (int i = 0; i < regular.length; i++) {
        diff = Math.max(diff, Math.abs(folded[i] - regular[i]));
        scale = Math.max(scale, Math.abs(regular[i]));
      }
      return diff / scale;
    }
  }

  @Test
  void foldedHalfUNetAndDnCnnMatchTheMaskedNetworkWithTrainedLikeNorms() {
    for (Denoiser m : List.of(ModelTestSupport.halfUNet(8, 3), ModelTestSupport.dncnn(6, 4))) {
      try (m) {
        ModelTestSupport.randomizeNormsAndBiases(m, 11);
        for (var e : masks(m).entrySet()) {
          double rel = relativeDifference(m, e.getValue(), new Shape(3, 1, 16, 16), 7);
          assertThat(rel).as("%s, %s", m.spec().architecture(), e.getKey()).isLessThan(1e-4);
        }
      }
    }
  }

  /** Mask with every unit of the named layers pruned. */
  private static Mask without(Denoiser m, String... names) {
    Mask mask = Mask.all(m.units().size());
    for (Layer layer : m.layers()) {
      if (List.of(names).contains(layer.name())) {
        for (int j = 0; j < layer.units(); j++) {
          mask = mask.with(layer.firstUnit() + j, false);
        }
      }
    }
    return mask;
  }

  /**
   * The Half-UNet's pruned-for-real path (only kept channels computed, levels spread onto the union
   * of their kept units) against the masked network where whole layers, whole levels, the
   * decoder or all but one unit are gone, and where the levels keep different units.
   */
  @Test
  void halfUNetWithPrunedUnitsRemovedMatchesTheMaskedNetworkInEveryCorner() {
    try (Denoiser m = ModelTestSupport.halfUNet(8, 3)) {
      ModelTestSupport.randomizeNormsAndBiases(m, 13);
      Map<String, Mask> cases = new LinkedHashMap<>();
      cases.put("enc2b", without(m, "enc2b"));
      cases.put("level 1", without(m, "enc1a", "enc1b"));
      cases.put("level 3", without(m, "enc3a", "enc3b"));
      cases.put("all levels' last blocks", without(m, "enc1b", "enc2b", "enc3b"));
      cases.put("only level 1 feeds the fused map", without(m, "enc2b", "enc3b"));
      cases.put("level 1's last block", without(m, "enc1b"));
      cases.put("dec1", without(m, "dec1"));
      cases.put("dec2", without(m, "dec2"));
      Mask one = Mask.of(new boolean[m.units().size()]).with(0, true);
      cases.put("only unit 0", one);
      boolean[] staggered = new boolean[m.units().size()];
      for (Layer layer : m.layers()) {
        for (int j = 0; j < layer.units(); j++) {
          staggered[layer.firstUnit() + j] = (j + layer.index()) % 3 != 0;
        }
      }
      cases.put("staggered", Mask.of(staggered));
      for (var e : cases.entrySet()) {
        double rel = relativeDifference(m, e.getValue(), new Shape(2, 1, 16, 24), 5);
        assertThat(rel).as(e.getKey()).isLessThan(1e-4);
      }
    }
  }

  @Test
  void foldingDependsOnTheNormsSoTheComparisonIsNotVacuous() {
    // with the randomised norms the masked and the unmasked outputs differ clearly
    try (Denoiser m = ModelTestSupport.halfUNet(8, 3); NDManager sub = m.manager().newSubManager()) {
      ModelTestSupport.randomizeNormsAndBiases(m, 11);
      Shape shape = new Shape(2, 1, 16, 16);
      NDArray x = sub.create(ModelTestSupport.randomPixels((int) shape.size(), 1), shape);
      Mask random = masks(m).get("random");
      float[] folded = m.denoiseFolded(x, random, sub).toFloatArray();
      float[] unmasked = m.denoise(x, null, false, null).toFloatArray();
      double d = 0;
      for (int i = 0; i < folded.length; i++) {
        d = Math.max(d, Math.abs(folded[i] - unmasked[i]));
      }
      assertThat(d).isGreaterThan(1e-2);
    }
  }

  @Test
  void foldingLeavesTheWeightsAndTheModelsManagerAlone() {
    for (Denoiser model : List.of(ModelTestSupport.halfUNet(8, 3), ModelTestSupport.dncnn(6, 4))) {
    try (Denoiser m = model) {
      ModelTestSupport.randomizeNormsAndBiases(m, 5);
      Shape shape = new Shape(1, 1, 16, 16);
      float[] x = ModelTestSupport.randomPixels(256, 2);
      float[] before;
      try (NDManager sub = m.manager().newSubManager()) {
        before = ModelTestSupport.run(m, sub, x, shape);
      }
      int owned = m.manager().getManagedArrays().size();
      for (int k = 0; k < 5; k++) {
        try (NDManager sub = m.manager().newSubManager()) {
          NDArray in = sub.create(x, shape);
          m.denoiseFolded(in, masks(m).get("random"), sub).toFloatArray();
        }
      }
      assertThat(m.manager().getManagedArrays()).hasSize(owned);
      try (NDManager sub = m.manager().newSubManager()) {
        assertThat(ModelTestSupport.run(m, sub, x, shape)).containsExactly(before);
      }
    }
    }
  }

  @Test
  void aMaskKeepingNothingIsRejected() {
    try (Denoiser m = ModelTestSupport.dncnn(4, 3); NDManager sub = m.manager().newSubManager()) {
      NDArray x = sub.zeros(new Shape(1, 1, 8, 8));
      assertThatThrownBy(() -> m.denoiseFolded(x, Mask.of(new boolean[m.units().size()]), sub))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("Keep at least one");
    }
  }
}
