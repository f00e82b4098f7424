package io.qprune.formulation.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelTestSupport;
import io.qprune.formulation.model.WeightLayer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenoiserTaskTest {
  static {
    ModelTestSupport.halfUNet(2, 1).close(); // configures one thread before the engine starts
  }

  @Test
  void weightMasksPruneTheShippedHalfUNetAndRestoreItsWeights() {
    try (DenoiserTask t = new DenoiserTask(ModelFile.loadDefault(), new GaussianNoise(25), 1, 2, 64, "hu")) {
      List<WeightLayer> layers = t.layers();
      assertThat(layers).hasSize(25); // 12 Ghost blocks x (primary, cheap) + head
      assertThat(layers.get(0).name()).isEqualTo("enc1a.primary");
      assertThat(layers.get(24).name()).isEqualTo("head");
      List<float[]> before = new ArrayList<>();
      for (WeightLayer l : layers) {
        before.add(t.importance(l.index()));
      }
      WeightMask all = WeightMask.all(layers);
      BitSet b = all.bits();
      WeightLayer enc1b = layers.get(2);
      b.clear(enc1b.offset(), enc1b.offset() + enc1b.size());
      WeightMask noEnc1b = new WeightMask(layers, b);
      double[] e = t.errors(List.of(all, noEnc1b, all));
      assertThat(e[0]).isEqualTo(e[2]); // weights restored between evaluations
      assertThat(-e[0]).isGreaterThan(-t.errorReference() + 3); // the network denoises
      assertThat(e[1]).isGreaterThan(e[0] + 0.5); // losing a whole layer's weights costs PSNR
      for (WeightLayer l : layers) {
        assertThat(t.importance(l.index())).containsExactly(before.get(l.index()));
      }
      assertThat(t.testError(noEnc1b)).isGreaterThan(t.testError(all));
    }
  }
}
