package io.qprune.formulation.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportanceTest {
  @Test
  void layoutGroupsUnitsByLayerInOrderOfAppearance() {
    UnitLayout l = UnitLayout.of(List.of("a", "b", "c", "d"), List.of("x", "y", "x", "y"));
    assertThat(l.layers()).containsExactly("x", "y");
    assertThat(l.layerSize(0)).isEqualTo(2);
    assertThat(l.member(1, 1)).isEqualTo(3);
    assertThat(l.indexInLayer(2)).isEqualTo(1);
    assertThatThrownBy(() -> UnitLayout.of(List.of("a", "a"), List.of("x", "x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'a' appears twice");
    assertThatThrownBy(() -> UnitLayout.of(List.of("a"), List.of("x", "y")))
        .hasMessageContaining("1 unit ids but 2 layer names");
  }

  @Test
  void layerL2ThenGlobalMaxMakesLayersComparable() {
    UnitLayout l = ScoresTestSupport.layout(2, 2);
    double[] raw = {3, 4, 300, 400};
    double[] n = Normalisation.LAYER_L2.apply(raw, l);
    assertThat(n).containsExactly(new double[] {0.75, 1, 0.75, 1}, within(1e-12));
    assertThat(Normalisation.GLOBAL_MAX.apply(raw, l)).containsExactly(
        new double[] {0.0075, 0.01, 0.75, 1}, within(1e-12));
    assertThat(Normalisation.NONE.apply(raw, l)).containsExactly(raw);
    assertThat(Normalisation.LAYER_L2.apply(new double[] {0, 0, 1, 1}, l)).containsExactly(0, 0, 1, 1);
    assertThat(Normalisation.parse("Global-Max")).isEqualTo(Normalisation.GLOBAL_MAX);
    assertThatThrownBy(() -> Normalisation.parse("l2")).hasMessageContaining("Maybe use layer-l2");
  }

  @Test
  void cosineSimilarityIsClippedAtZeroAndDeadUnitsAreSimilarToNothing() {
    UnitLayout l = ScoresTestSupport.layout(3, 2);
    float[][] acts = {{1, 0, 1}, {2, 0, 2}, {-1, 0, -1}, {0, 0, 0}, {1, 1, 1}};
    Similarity s = Redundancy.cosine(l, acts, false);
    assertThat(s.get(0, 0, 1)).isCloseTo(1, within(1e-12));
    assertThat(s.get(0, 0, 2)).isZero(); // cosine -1, clipped
    assertThat(s.get(0, 1, 0)).isEqualTo(s.get(0, 0, 1));
    assertThat(s.get(0, 1, 1)).isZero();
    assertThat(s.get(1, 0, 1)).isZero();
    // centred: {1,0,1} and {0,1,0}-like patterns become anti-correlated
    float[][] b = {{1, 0, 1}, {0, 1, 0}, {2, 1, 2}, {1, 2, 3}, {3, 2, 1}};
    Similarity c = Redundancy.cosine(l, b, true);
    assertThat(c.get(0, 0, 2)).isCloseTo(1, within(1e-9));
    assertThat(c.get(0, 0, 1)).isZero();
    assertThat(Redundancy.cosine(l, b, false).get(0, 0, 2)).isLessThan(1);
  }

  @Test
  void similarityAndScoresRejectBadInputNamingTheValue() {
    UnitLayout l = ScoresTestSupport.layout(2);
    assertThatThrownBy(() -> Similarity.of(l, new double[][][] {{{1, 0.5}, {0.4, 1}}}, "f.json"))
        .hasMessageContaining("f.json").hasMessageContaining("not symmetric");
    assertThatThrownBy(() -> Similarity.of(l, new double[][][] {{{1, Double.NaN}, {0.4, 1}}}, "f"))
        .hasMessageContaining("[0][1] is NaN");
    assertThatThrownBy(() -> Similarity.of(l, new double[][][] {{{1, 2}, {2, 1}}}, "f"))
        .hasMessageContaining("lie in [-1, 1]");
    assertThatThrownBy(() -> Similarity.of(l, new double[][][] {{{1}}}, "f"))
        .hasMessageContaining("the layer has 2 units");
    assertThatThrownBy(() -> ScoreSet.of(l, Map.of(ScoreKind.TAYLOR, new double[] {1, -1}), null, "s"))
        .hasMessageContaining("'L0:1'").hasMessageContaining("absolute value");
    assertThatThrownBy(() -> ScoreSet.of(l, Map.of(ScoreKind.L1, new double[] {1}), null, "s"))
        .hasMessageContaining("has 1 values but there are 2 units");
    ScoreSet ok = ScoreSet.of(l, Map.of(ScoreKind.L1, new double[] {1, 2}), null, "s");
    assertThatThrownBy(() -> ok.raw(ScoreKind.FISHER)).hasMessageContaining("no 'fisher' values");
    assertThatThrownBy(ok::similarity).hasMessageContaining("set beta to 0");
  }
}
