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
   * Each mask followed by {@code neighbours} seeded perturbations of it: one to three random units
   * flipped (a flip that would empty a layer is skipped), so the fit learns the slope around the mask,
   * not only its value.
   */
  static List<Mask> neighbourhood(Denoiser model, List<Mask> masks, int neighbours, long seed) {
    if (neighbours < 0) {
      throw new InvalidInputException("neighbours must be >= 0, got " + neighbours);
    }
    int u = model.spec().channels() / 2;
    List<Mask> out = new ArrayList<>();
    for (int i = 0; i < masks.size(); i++) {
      Mask m = masks.get(i);
      if (m.size() != model.units().size()) {
        throw new InvalidInputException("A mask to learn the latency fit from has " + m.size() + " units; "
            + model.spec() + " has " + model.units().size());
      }
      out.add(m);
      for (int j = 0; j < neighbours; j++) {
        Random r = new Random(seed * 1_000_003L + 7919L * i + j);
        boolean[] keep = m.toKeep();
        int flips = 1 + r.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int at = r.nextInt(keep.length);
          keep[at] = !keep[at];
          int layer = at / u;
          if (java.util.stream.IntStream.range(layer * u, layer * u + u).noneMatch(x -> keep[x])) {
            keep[at] = true;
          }
        }
        out.add(Mask.of(keep));
      }
    }
    return out;
  }
}
