package io.qprune.formulation.prune;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.Photo;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import java.util.ArrayList;
import java.util.List;

/** Whole shipped photos of one split with seeded noise: what validation and test scores use. */
public final class EvalPhotos {
  private EvalPhotos() {}

  /** The split's photos, each made noisy with noise seeded by {@code seed} and its name. */
  public static List<NoisyPair> of(Split split, ColorMode color, Noise noise, long seed) {
    List<NoisyPair> out = new ArrayList<>();
    for (Photo p : ShippedPhotos.load(split, color)) {
      out.add(new NoisyPair(p.name(), p.image(), noise.apply(p.image(), Noise.rngFor(seed, p.name()))));
    }
    return out;
  }
}
