package io.qprune.formulation.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Qubo;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerChoiceTest {
  // three layers of two units: a = {0,1}, b = {2,3}, c = {4,5}
  static final List<Layer> LAYERS = List.of(new Layer("a", 0, 2, 0, 1), new Layer("b", 1, 2, 2, 1),
      new Layer("c", 2, 2, 4, 1));

  @Test
  void distancesAreMeanAbsoluteFieldOffsetsFromTheThreshold() {
    // h = (-5, -4, -1, 1, 3, 6), W_01 = 2; mask keeps 0, 1, 2 (k = 3)
    Qubo q = Qubo.builder(6).addLinear(0, -5).addLinear(1, -4).addLinear(2, -1).addLinear(3, 1).addLinear(4, 3)
        .addLinear(5, 6).addQuadratic(0, 1, 2).build();
    Mask m = Mask.ofBits(1, 1, 1, 0, 0, 0);
    // fields: f0 = -5 + 2 = -3, f1 = -4 + 2 = -2, f2 = -1, f3 = 1, f4 = 3, f5 = 6; sorted -3 -2 -1 | 1 3 6 -> t = 0
    double[] d = LayerChoice.distances(q, m, LAYERS);
    assertThat(d[0]).isCloseTo(2.5, within(1e-12));
    assertThat(d[1]).isCloseTo(1.0, within(1e-12));
    assertThat(d[2]).isCloseTo(4.5, within(1e-12));
    assertThat(LayerChoice.closest(q, m, LAYERS, 2)).extracting(Layer::name).containsExactly("a", "b");
    assertThat(LayerChoice.closest(q, m, LAYERS, 1)).extracting(Layer::name).containsExactly("b");
    assertThat(LayerChoice.closest(q, m, LAYERS, 0)).hasSize(3);
    assertThat(LayerChoice.closest(null, m, LAYERS, 5)).hasSize(3);
  }

  @Test
  void subProblemKeepsTheStartOutsideAndItsCountInside() {
    Mask start = Mask.ofBits(1, 0, 1, 1, 0, 1);
    SubProblem sub = new SubProblem(start, List.of(LAYERS.get(0), LAYERS.get(2)));
    assertThat(sub.size()).isEqualTo(4);
    assertThat(sub.startPoint()).containsExactly(1, 0, 0, 1);
    assertThat(sub.problem().ones().getAsInt()).isEqualTo(2);
    assertThat(sub.problem().start().get()).containsExactly(1, 0, 0, 1);
    assertThat(sub.expand(new int[] {0, 1, 1, 0})).isEqualTo(Mask.ofBits(0, 1, 1, 1, 1, 0));
    assertThat(sub.expand(sub.startPoint())).isEqualTo(start);
  }
}
