package io.qprune.formulation.data;

import java.util.SplittableRandom;

/** A seeded noise model that turns a clean image into a noisy observation (0–255 units). */
public interface Noise {
  /** A noisy copy of {@code clean}; the same {@code rng} state gives the same noise. */
  Image apply(Image clean, SplittableRandom rng);

  /** A short description, e.g. {@code gaussian(sigma=25)}. */
  String describe();

  /** The noise an image named {@code name} gets under {@code seed}: fixed for val/test sets. */
  static SplittableRandom rngFor(long seed, String name) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
  }
}
