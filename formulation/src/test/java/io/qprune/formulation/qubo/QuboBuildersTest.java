package io.qprune.formulation.qubo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Qubo;
import io.qprune.formulation.capacity.LayerGuards;
import io.qprune.formulation.importance.Normalisation;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.ScoresTestSupport;
import io.qprune.formulation.importance.Similarity;
import io.qprune.formulation.importance.UnitLayout;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuboBuildersTest {
  private static final UnitLayout LAYOUT = ScoresTestSupport.layout(3, 4);

  private static ScoreSet scores(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] t = r.doubles(7).toArray();
    double[] f = r.doubles(7).toArray();
    double[] l1 = r.doubles(7).toArray();
    double[][][] sim = new double[2][][];
    for (int l = 0; l < 2; l++) {
      int m = LAYOUT.layerSize(l);
      sim[l] = new double[m][m];
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          sim[l][a][b] = sim[l][b][a] = r.nextDouble() * 2 - 1;
        }
      }
    }
    return ScoreSet.of(LAYOUT, Map.of(ScoreKind.TAYLOR, t, ScoreKind.FISHER, f, ScoreKind.L1, l1),
        Similarity.of(LAYOUT, sim, "test"), "test");
  }

  @Test
  void hybridEnergyIsTheSpecFormula() {
    ScoreSet s = scores(3);
    double alpha = 0.3;
    double beta = 0.7;
    Qubo q = HybridQubo.build(s, Normalisation.LAYER_L2, alpha, beta);
    double[] t = s.normalised(ScoreKind.TAYLOR, Normalisation.LAYER_L2);
    double[] f = s.normalised(ScoreKind.FISHER, Normalisation.LAYER_L2);
    assertThat(q.labels()).containsExactlyElementsOf(LAYOUT.ids());
    for (int m = 0; m < 128; m++) {
      int[] x = new int[7];
      for (int i = 0; i < 7; i++) {
        x[i] = m >>> i & 1;
      }
      double e = 0;
      for (int i = 0; i < 7; i++) {
        e -= (alpha * t[i] + (1 - alpha) * f[i]) * x[i];
        for (int j = i + 1; j < 7; j++) {
          if (LAYOUT.layerOf(i) == LAYOUT.layerOf(j)) {
            e += beta * Math.max(0, s.similarity().get(LAYOUT.layerOf(i), LAYOUT.indexInLayer(i),
                LAYOUT.indexInLayer(j))) * x[i] * x[j];
          }
        }
      }
      assertThat(q.energy(x)).isCloseTo(e, within(1e-12));
    }
    // block-diagonal by layer: no interaction crosses layers
    q.forEachInteraction((i, j, w) -> assertThat(LAYOUT.layerOf(i)).isEqualTo(LAYOUT.layerOf(j)));
    assertThat(HybridQubo.build(s, Normalisation.LAYER_L2, alpha, 0).numInteractions()).isZero();
  }

  @Test
  void scaledRedundancyWeighsEachPairByTheSmallerImportance() {
    ScoreSet s = scores(8);
    double[] imp = HybridQubo.importance(s, Normalisation.GLOBAL_MAX, 0.4);
    Qubo q = HybridQubo.build(s, Normalisation.GLOBAL_MAX, 0.4, 2, HybridQubo.Redundancy.SCALED);
    Qubo plain = HybridQubo.build(s, Normalisation.GLOBAL_MAX, 0.4, 2);
    int i = LAYOUT.member(1, 0);
    int j = LAYOUT.member(1, 2);
    double sim = Math.max(0, s.similarity().get(1, 0, 2));
    assertThat(q.quadratic(i, j)).isCloseTo(2 * sim * Math.min(imp[i], imp[j]), within(1e-12));
    assertThat(plain.quadratic(i, j)).isCloseTo(2 * sim, within(1e-12));
    assertThat(q.linearBiases()).containsExactly(plain.linearBiases());
    assertThatThrownBy(() -> HybridQubo.Redundancy.parse("cosine")).hasMessageContaining("plain or scaled");
  }

  @Test
  void everyPointOffTheSliceCostsMoreThanEveryPointOnItInTheL1Qubo() {
    ScoreSet s = scores(5);
    int k = 4;
    Qubo q = L1PenaltyQubo.build(s, Normalisation.LAYER_L2, k);
    double worstOn = Double.NEGATIVE_INFINITY;
    double bestOff = Double.POSITIVE_INFINITY;
    double bestOn = Double.POSITIVE_INFINITY;
    int[] bestX = null;
    for (int m = 0; m < 128; m++) {
      int[] x = new int[7];
      for (int i = 0; i < 7; i++) {
        x[i] = m >>> i & 1;
      }
      double e = q.energy(x);
      if (Integer.bitCount(m) == k) {
        worstOn = Math.max(worstOn, e);
        if (e < bestOn) {
          bestOn = e;
          bestX = x;
        }
      } else {
        bestOff = Math.min(bestOff, e);
      }
    }
    assertThat(bestOff).isGreaterThan(worstOn);
    // its optimum is the top-k by normalised L1
    boolean[] top = TopK.select(s.normalised(ScoreKind.L1, Normalisation.LAYER_L2), k,
        LayerGuards.none(7));
    for (int i = 0; i < 7; i++) {
      assertThat(bestX[i] == 1).isEqualTo(top[i]);
    }
  }

  @Test
  void topKFillsEachLayersMinimumFirstThenRanksGlobally() {
    UnitLayout l = ScoresTestSupport.layout(3, 3);
    double[] score = {0.9, 0.8, 0.7, 0.1, 0.3, 0.2};
    assertThat(TopK.select(score, 3, LayerGuards.none(6))).containsExactly(true, true, true, false, false, false);
    assertThat(TopK.select(score, 3, LayerGuards.of(l, 1, 1.0)))
        .containsExactly(true, true, false, false, true, false);
    assertThat(TopK.select(score, 4, LayerGuards.of(l, 1, 0.34)))
        .containsExactly(true, true, false, false, true, true);
  }
}
