package io.qprune.formulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.qprune.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenoiserTest {
  private static long trainableParams(Denoiser m) {
    long n = 0;
    for (var p : m.network().getParameters()) {
      Parameter.Type t = p.getValue().getType();
      if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }

  @Test
  void defaultHalfUNetHas192UnitsAnd53kParameters() {
    try (Denoiser m = Denoiser.create(ModelSpec.defaultHalfUNet(), 1)) {
      assertThat(m.layers()).hasSize(12).extracting(Layer::name)
          .startsWith("enc1a", "enc1b", "enc2a").endsWith("dec1", "dec2");
      assertThat(m.units()).hasSize(192);
      assertThat(m.fullCost().params()).isEqualTo(trainableParams(m)).isEqualTo(53_361);
      Unit u = m.units().get(16 * 2 + 3); // enc2a unit 3
      assertThat(u.layer()).isEqualTo("enc2a");
      assertThat(u.index()).isEqualTo(3);
      // own primary filter 32*9 + cheap 9 + 4 BN, and enc2b's input slices 2 * 16 * 9
      assertThat(u.params()).isEqualTo(32 * 9 + 9 + 4 + 2 * 16 * 9);
      // the same unit one level deeper works on a quarter of the pixels
      Unit deeper = m.units().get(16 * 4 + 3);
      assertThat(deeper.layer()).isEqualTo("enc3a");
      assertThat(deeper.flopsPerPixel()).isEqualTo(u.flopsPerPixel() / 4);
      assertThat(u.flopsPerPixel()).isEqualTo(2.0 * (32 * 9 + 9 + 2 * 16 * 9) / 4);
    }
  }

  @Test
  void costCountsExactlyTheParametersOfThePhysicallyPrunedNetwork() {
    try (Denoiser m = ModelTestSupport.dncnn(4, 3)) {
      // layers: conv1 1->4 (+bias), conv2 4->4 (+BN), conv3 4->1
      assertThat(m.fullCost().params()).isEqualTo(trainableParams(m))
          .isEqualTo(9 * 4 + 4 + 9 * 16 + 8 + 9 * 4);
      Mask m1 = Mask.ofBits(1, 1, 0, 0, 1, 0, 1, 1);
      // conv1 keeps 2: 9*2 + 2; conv2 2 in, 3 out: 9*2*3 + 6; conv3 3 in: 9*3
      assertThat(m.cost(m1).params()).isEqualTo(9 * 2 + 2 + 9 * 6 + 6 + 9 * 3);
      assertThat(m.cost(m1).flopsPerPixel()).isEqualTo(2.0 * (9 * 2 + 9 * 6 + 9 * 3));
    }
  }

  @Test
  void aMaskedUnitContributesNothing() {
    for (Denoiser m : List.of(ModelTestSupport.halfUNet(8, 3), ModelTestSupport.dncnn(6, 4))) {
      try (m; NDManager sub = m.manager().newSubManager()) {
        Shape shape = new Shape(2, 1, 16, 16);
        float[] x = ModelTestSupport.randomPixels(512, 1);
        int unit = m.layers().get(1).firstUnit() + 1;
        m.setMask(Mask.all(m.units().size()).with(unit, false));
        float[] before = ModelTestSupport.run(m, sub, x, shape);
        // perturb only the filters (and BN shift) that produce that unit: output must not change
        String layer = m.layers().get(1).name();
        for (var p : m.network().getParameters()) {
          String k = p.getKey();
          if (k.startsWith(layer + ".") && (k.endsWith("weight") || k.endsWith("beta"))) {
            NDArray w = p.getValue().getArray();
            w.set(new NDIndex(1), w.get(1).mul(3).add(0.5f));
          }
        }
        float[] after = ModelTestSupport.run(m, sub, x, shape);
        m.setMask(Mask.all(m.units().size()));
        float[] unmasked = ModelTestSupport.run(m, sub, x, shape);
        assertThat(after).containsExactly(before);
        assertThat(unmasked).isNotEqualTo(after);
      }
    }
  }

  @Test
  void zeroOrWrongSizedMasksAreClearErrors() {
    try (Denoiser m = ModelTestSupport.halfUNet(4, 2)) {
      int n = m.units().size();
      assertThatThrownBy(() -> m.setMask(Mask.ofBits(new int[n])))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("prunes all");
      assertThatThrownBy(() -> m.setMask(Mask.all(n + 1)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("has " + n + " units");
      assertThat(m.mask()).isEqualTo(Mask.all(n));
    }
  }

  @Test
  void outputKeepsTheInputShapeAndIsResidual() {
    try (Denoiser m = ModelTestSupport.halfUNet(4, 2); NDManager sub = m.manager().newSubManager()) {
      NDArray x = sub.create(ModelTestSupport.randomPixels(3 * 8 * 12, 2), new Shape(3, 1, 8, 12));
      assertThat(m.denoise(x, false).getShape()).isEqualTo(new Shape(3, 1, 8, 12));
    }
  }
}
