package io.qprune.formulation.evolve;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Phase 2's genome: one bit per weight kept by the heavy anchor but not by the light one; every
 * other weight is kept exactly when the light anchor keeps it. SparseEA scores are minus the
 * layer-normalised importance (lower = more important).
 */
final class Corridor {
  private final WeightMask light;
  private final int[] weights;
  private final double[] scores;

  Corridor(WeightMask light, WeightMask heavy, double[] normalisedImportance) {
    this.light = light;
    BitSet extra = heavy.bits();
    extra.andNot(light.bits());
    this.weights = extra.stream().toArray();
    this.scores = new double[weights.length];
    for (int j = 0; j < weights.length; j++) {
      scores[j] = -normalisedImportance[weights[j]];
    }
  }

  int length() {
    return weights.length;
  }

  double[] scores() {
    return scores.clone();
  }

  WeightMask decode(int[] x) {
    BitSet kept = light.bits();
    for (int j = 0; j < weights.length; j++) {
      if (x[j] == 1) {
        kept.set(weights[j]);
      }
    }
    return new WeightMask(light.layers(), kept);
  }

  /**
   * Importance-guided initial genomes: the light anchor (all 0), the heavy one (all 1), and
   * individuals with densities ρ spread over (0, 1) keeping each corridor weight with probability
   * σ((r − (1 − ρ)) / 0.05), r its importance percentile in the corridor — the more important, the
   * likelier kept.
   */
  List<int[]> initial(int count, SplittableRandom rng) {
    int n = weights.length;
    double[] percentile = new double[n];
    float[] neg = new float[n];
    for (int j = 0; j < n; j++) {
      neg[j] = (float) -scores[j];
    }
    int[] order = Importance.ascending(neg);
    for (int k = 0; k < n; k++) {
      percentile[order[k]] = (k + 0.5) / n;
    }
    List<int[]> out = new ArrayList<>();
    out.add(new int[n]);
    int[] ones = new int[n];
    java.util.Arrays.fill(ones, 1);
    out.add(ones);
    int rest = Math.max(0, count - 2);
    for (int i = 0; i < rest; i++) {
      double rho = (i + 0.5) / rest;
      int[] x = new int[n];
      for (int j = 0; j < n; j++) {
        double p = 1 / (1 + Math.exp(-(percentile[j] - (1 - rho)) / 0.05));
        x[j] = rng.nextDouble() < p ? 1 : 0;
      }
      out.add(x);
    }
    return out;
  }
}
