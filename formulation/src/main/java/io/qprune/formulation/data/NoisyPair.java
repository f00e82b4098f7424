package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;

/** A clean image and a noisy observation of it, same shape (synthetic or real, e.g. SIDD). */
public record NoisyPair(String name, Image clean, Image noisy) {
  public NoisyPair {
    if (clean.channels() != noisy.channels()
        || clean.height() != noisy.height()
        || clean.width() != noisy.width()) {
      throw new InvalidInputException(
          "Pair '" + name + "': clean " + clean + " and noisy " + noisy + " differ in shape");
    }
  }
}
