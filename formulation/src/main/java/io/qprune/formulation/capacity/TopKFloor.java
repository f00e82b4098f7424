package io.qprune.formulation.capacity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The units every guarded selection keeps first: each layer's best units up to its minimum. */
final class TopKFloor {
  private TopKFloor() {}

  static boolean[] forced(double[] score, LayerGuards guards) {
    int n = score.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(i -> i));
    boolean[] keep = new boolean[n];
    int[] kept = new int[guards.numLayers()];
    for (int i : order) {
      int l = guards.layerOf(i);
      if (kept[l] < guards.minKeep(l)) {
        keep[i] = true;
        kept[l]++;
      }
    }
    return keep;
  }
}
