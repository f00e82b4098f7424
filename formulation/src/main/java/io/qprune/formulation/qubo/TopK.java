package io.qprune.formulation.qubo;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.capacity.LayerGuards;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Greedy ranking baselines (greedy Taylor): keep the k units with the highest score, subject to
 * the same per-layer guards as every other method (the guards' minimum per layer is filled
 * first with each layer's best units, the rest goes to the global ranking).
 */
public final class TopK {
  private TopK() {}

  /** The keep flags; ties are broken by unit index. */
  public static boolean[] select(double[] score, int k, LayerGuards guards) {
    int n = score.length;
    if (k < 1 || k > n) {
      throw new InvalidInputException("Cannot keep " + k + " of " + n + " units");
    }
    guards.checkFeasible(k);
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(i -> i));
    boolean[] keep = new boolean[n];
    int[] kept = new int[guards.numLayers()];
    int total = 0;
    for (int i : order) { // each layer's best units up to its minimum
      int l = guards.layerOf(i);
      if (kept[l] < guards.minKeep(l)) {
        keep[i] = true;
        kept[l]++;
        total++;
      }
    }
    for (int i : order) {
      if (total == k) {
        break;
      }
      if (!keep[i]) {
        keep[i] = true;
        total++;
      }
    }
    return keep;
  }
}
