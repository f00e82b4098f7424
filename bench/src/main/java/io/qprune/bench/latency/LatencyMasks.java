package io.qprune.bench.latency;

import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import java.util.SplittableRandom;

/** The masks the latency benchmark times: structured (uniform width) at a FLOPs budget, and random. */
public final class LatencyMasks {
  private LatencyMasks() {}

  /**
   * Keeps the first ⌈f · units⌉ units of every layer, with the largest f (to 1/1000) whose FLOPs
   * are at most {@code flopsFraction} of the unpruned network's: a structured mask for timing (the
   * latency depends only on how many units each layer keeps, not which).
   */
  public static Mask uniformAtFlops(Denoiser model, double flopsFraction) {
    Cost full = model.fullCost();
    Mask best = uniform(model, 0.001);
    for (int step = 1; step <= 1000; step++) {
      Mask m = uniform(model, step / 1000.0);
      if (model.cost(m).flopsFraction(full) <= flopsFraction) {
        best = m;
      }
    }
    return best;
  }

  static Mask uniform(Denoiser model, double f) {
    boolean[] keep = new boolean[model.units().size()];
    for (Layer layer : model.layers()) {
      int k = Math.max(1, (int) Math.ceil(f * layer.units() - 1e-9));
      for (int j = 0; j < k; j++) {
        keep[layer.firstUnit() + j] = true;
      }
    }
    return Mask.of(keep);
  }

  /** Each unit kept with probability {@code keep} (seeded); every layer keeps at least its first unit. */
  public static Mask random(Denoiser model, double keep, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] k = new boolean[model.units().size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = r.nextDouble() < keep;
    }
    for (Layer layer : model.layers()) {
      k[layer.firstUnit()] = true;
    }
    return Mask.of(k);
  }
}
