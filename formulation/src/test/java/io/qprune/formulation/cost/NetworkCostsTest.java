package io.qprune.formulation.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ResNetSpec;
import io.qprune.formulation.model.SlimResNet;
import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkCostsTest {
  /** Random masks of varying density, so the fused union is sometimes partial. */
  private static boolean[] randomMask(Random r, int n) {
    double p = 0.05 + 0.9 * r.nextDouble();
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      keep[i] = r.nextDouble() < p;
    }
    keep[r.nextInt(n)] = true;
    return keep;
  }

  private static void matchesModel(ModelSpec spec) {
    try (Denoiser m = Denoiser.create(spec, 1)) {
      MaskCost flops = NetworkCosts.of(spec, CostKind.FLOPS);
      MaskCost params = NetworkCosts.of(spec, CostKind.PARAMS);
      assertThat(flops.size()).isEqualTo(m.units().size());
      assertThat(flops.total()).isEqualTo(m.fullCost().flopsPerPixel());
      assertThat(params.total()).isEqualTo(m.fullCost().params());
      Random r = new Random(7);
      for (int t = 0; t < 300; t++) {
        boolean[] keep = randomMask(r, m.units().size());
        Cost c = m.cost(Mask.of(keep));
        assertThat(flops.value(keep)).as("flops of mask %d", t).isCloseTo(c.flopsPerPixel(),
            org.assertj.core.api.Assertions.within(1e-9));
        assertThat(params.value(keep)).as("params of mask %d", t).isEqualTo((double) c.params());
      }
    }
  }

  @Test
  void halfUNetCostsMatchTheModelToTheUnit() {
    matchesModel(ModelSpec.defaultHalfUNet());
    matchesModel(new ModelSpec(Architecture.HALF_UNET, 8, 3, ColorMode.RGB));
  }

  @Test
  void dnCnnCostsAreExactQuadratics() {
    ModelSpec spec = new ModelSpec(Architecture.DNCNN, 12, 5, ColorMode.GREY);
    matchesModel(spec);
    assertThat(NetworkCosts.of(spec, CostKind.FLOPS)).isInstanceOf(QuadraticCost.class);
  }

  @Test
  void resNetCostsMatchTheCutNetworkToTheUnit() {
    for (ResNetSpec spec : new ResNetSpec[] {ResNetSpec.resnet20FashionMnist(), new ResNetSpec(14, 3, 3, 30, 7)}) {
      try (Classifier c = Classifier.create(spec, 2, new float[spec.channels()], ones(spec.channels()))) {
        QuadraticCost flops = NetworkCosts.of(spec, CostKind.FLOPS);
        QuadraticCost params = NetworkCosts.of(spec, CostKind.PARAMS);
        assertThat(flops.size()).isEqualTo(c.channelUnits());
        Random r = new Random(11);
        for (int t = 0; t < 60; t++) {
          boolean[] keep = t == 0 ? all(c.channelUnits()) : randomMask(r, c.channelUnits());
          try (SlimResNet slim = c.cut(Mask.of(keep))) {
            assertThat(flops.value(keep)).as("%s flops of mask %d", spec, t).isEqualTo(2.0 * slim.macs());
            assertThat(params.value(keep)).as("%s params of mask %d", spec, t).isEqualTo((double) slim.params());
          }
        }
        // unpruned: every trainable parameter (BN running statistics are not trainable)
        long trainable = c.network().getParameters().values().stream()
            .filter(p -> p.requiresGradient()).mapToLong(p -> p.getArray().size()).sum();
        assertThat(params.total()).isEqualTo((double) trainable);
      }
    }
  }

  private static float[] ones(int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, 1f);
    return v;
  }

  private static boolean[] all(int n) {
    boolean[] v = new boolean[n];
    java.util.Arrays.fill(v, true);
    return v;
  }

  @Test
  void halfUNetQuadraticFormIsExactAtTheReferenceAndOneFlipAway() {
    MaskCost flops = NetworkCosts.of(ModelSpec.defaultHalfUNet(), CostKind.FLOPS);
    Random r = new Random(3);
    for (int t = 0; t < 40; t++) {
      boolean[] ref = randomMask(r, flops.size());
      QuadraticCost q = flops.around(ref);
      assertThat(q.value(ref)).isEqualTo(flops.value(ref));
      for (int i = 0; i < ref.length; i++) {
        boolean[] y = ref.clone();
        y[i] = !y[i];
        assertThat(q.value(y)).as("mask %d flipped at %d", t, i).isCloseTo(flops.value(y),
            org.assertj.core.api.Assertions.within(1e-9));
      }
    }
  }

  @Test
  void theFusedUnionIsNotQuadratic() {
    // cost(x) restricted to one channel j of the L last blocks and one dec1 unit: the 3rd-order
    // finite difference over three levels' bits (dec1 kept) is non-zero, so no quadratic fits
    ModelSpec spec = ModelSpec.defaultHalfUNet();
    MaskCost flops = NetworkCosts.of(spec, CostKind.FLOPS);
    int u = 16;
    int[] bits = {1 * u, 3 * u, 5 * u}; // unit 0 of enc1b, enc2b, enc3b
    double diff = 0;
    for (int s = 0; s < 8; s++) {
      boolean[] keep = new boolean[flops.size()];
      keep[10 * u] = true; // one dec1 unit
      int ones = 0;
      for (int b = 0; b < 3; b++) {
        if ((s >> b & 1) == 1) {
          keep[bits[b]] = true;
          ones++;
        }
      }
      diff += ((3 - ones) % 2 == 0 ? 1 : -1) * flops.value(keep);
    }
    assertThat(diff).isNotZero();
  }
}
