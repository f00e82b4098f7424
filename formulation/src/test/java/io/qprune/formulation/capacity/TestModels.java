package io.qprune.formulation.capacity;

import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.formulation.importance.UnitLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded pruning-shaped QUBOs: negative linear terms, non-negative couplings within layers. */
final class TestModels {
  private TestModels() {}

  static UnitLayout layout(int... layerSizes) {
    List<String> ids = new ArrayList<>();
    List<String> layers = new ArrayList<>();
    for (int l = 0; l < layerSizes.length; l++) {
      for (int j = 0; j < layerSizes[l]; j++) {
        ids.add("L" + l + ":" + j);
        layers.add("L" + l);
      }
    }
    return UnitLayout.of(ids, layers);
  }

  static Qubo pruning(UnitLayout layout, double beta, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    QuboBuilder b = Qubo.builder(layout.size());
    for (int i = 0; i < layout.size(); i++) {
      b.addLinear(i, -r.nextDouble());
    }
    for (int l = 0; l < layout.numLayers(); l++) {
      for (int a = 0; a < layout.layerSize(l); a++) {
        for (int c = a + 1; c < layout.layerSize(l); c++) {
          b.addQuadratic(layout.member(l, a), layout.member(l, c), beta * r.nextDouble());
        }
      }
    }
    return b.build();
  }

  /** The lowest energy over masks keeping exactly k units within the guards (brute force). */
  static double sliceOptimum(Qubo q, int k, LayerGuards g) {
    int n = q.numVariables();
    double best = Double.POSITIVE_INFINITY;
    boolean[] x = new boolean[n];
    for (long m = 0; m < (1L << n); m++) {
      if (Long.bitCount(m) != k) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        x[i] = (m >>> i & 1) == 1;
      }
      if (g.satisfiedBy(x)) {
        best = Math.min(best, q.energy(x));
      }
    }
    return best;
  }
}
