package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The masks {@link LatencyFit} times: seeded random ones to fit, and perturbations of chosen ones to learn from. */
final class FitMasks {
  private FitMasks() {}

  /**
   * The masks timed: the unpruned network first, then for each sample every layer a uniform random
   * width in 2..all and random units, the levels' last blocks drawing their units from one shared
   * order on even samples (a narrow fused map) and independently on odd ones (a wide one).
   */
  static List<Mask> sample(Denoiser model, int samples, long seed) {
    int u = model.spec().channels() / 2;
    int levels = model.spec().depth();
    int layers = 2 * levels + 2;
    List<Mask> out = new ArrayList<>();
    out.add(Mask.all(u * layers));
    for (int s = 1; s < samples; s++) {
      Random r = new Random(seed * 1_000_003L + s);
      boolean[] keep = new boolean[u * layers];
      int[] shared = permutation(u, r);
      for (int k = 0; k < layers; k++) {
        int width = 2 + r.nextInt(u - 1);
        boolean lastOfLevel = k < 2 * levels && k % 2 == 1;
        int[] order = lastOfLevel && s % 2 == 0 ? shared : permutation(u, r);
        for (int j = 0; j < width; j++) {
          keep[k * u + order[j]] = true;
        }
      }
      out.add(Mask.of(keep));
    }
    return out;
  }

  /** A seeded random order of 0..n−1 (the JDK's Fisher–Yates shuffle). */
  private static int[] permutation(int n, Random r) {
    List<Integer> p = new ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
    java.util.Collections.shuffle(p, r);
    return p.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The unpruned network first, then for each sample every layer ({@code layers}: unit ranges
   * [from, to)) a uniform random width in 2..all (1 for a layer of one unit) and random units.
   */
  static List<Mask> sample(int[][] layers, int samples, long seed) {
    int n = layers[layers.length - 1][1];
    List<Mask> out = new ArrayList<>();
    out.add(Mask.all(n));
    for (int s = 1; s < samples; s++) {
      Random r = new Random(seed * 1_000_003L + s);
      boolean[] keep = new boolean[n];
      for (int[] l : layers) {
        int units = l[1] - l[0];
        int width = units < 2 ? units : 2 + r.nextInt(units - 1);
        int[] order = permutation(units, r);
        for (int j = 0; j < width; j++) {
          keep[l[0] + order[j]] = true;
        }
      }
      out.add(Mask.of(keep));
    }
    return out;
  }

  /**
   * Each mask followed by {@code neighbours} seeded perturbations of it: one to three random units
   * flipped (a flip that would empty a layer of {@code layers}, unit ranges [from, to), is skipped),
   * so the fit learns the slope around the mask, not only its value.
   */
  static List<Mask> neighbourhood(int[][] layers, List<Mask> masks, int neighbours, long seed) {
    if (neighbours < 0) {
      throw new InvalidInputException("neighbours must be >= 0, got " + neighbours);
    }
    int units = layers[layers.length - 1][1];
    int[] layerOf = new int[units];
    for (int k = 0; k < layers.length; k++) {
      java.util.Arrays.fill(layerOf, layers[k][0], layers[k][1], k);
    }
    List<Mask> out = new ArrayList<>();
    for (int i = 0; i < masks.size(); i++) {
      Mask m = masks.get(i);
      if (m.size() != units) {
        throw new InvalidInputException("A mask to learn the latency fit from has " + m.size() + " units; the"
            + " network has " + units);
      }
      out.add(m);
      for (int j = 0; j < neighbours; j++) {
        Random r = new Random(seed * 1_000_003L + 7919L * i + j);
        boolean[] keep = m.toKeep();
        int flips = 1 + r.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int at = r.nextInt(keep.length);
          keep[at] = !keep[at];
          int[] layer = layers[layerOf[at]];
          if (java.util.stream.IntStream.range(layer[0], layer[1]).noneMatch(x -> keep[x])) {
            keep[at] = true;
          }
        }
        out.add(Mask.of(keep));
      }
    }
    return out;
  }
}
