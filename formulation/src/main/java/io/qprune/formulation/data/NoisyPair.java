package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.List;
import java.util.function.Function;

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

  /**
   * One side of the pairs ({@code NoisyPair::noisy} or {@code NoisyPair::clean}) as a flat
   * N × C × H × W array in the images' 0–255 scale; every pair must have {@code channels} channels
   * and the first's size ({@code what} names the pairs in the error, e.g. "Calibration crop").
   */
  public static float[] stack(List<NoisyPair> pairs, Function<NoisyPair, Image> side, String what, int channels) {
    Image first = pairs.get(0).clean();
    if (first.channels() != channels) {
      throw new InvalidInputException(what + " '" + pairs.get(0).name() + "' is " + first + "; the model takes "
          + channels + " channel(s)");
    }
    int per = first.channels() * first.height() * first.width();
    float[] out = new float[pairs.size() * per];
    for (int i = 0; i < pairs.size(); i++) {
      NoisyPair p = pairs.get(i);
      if (p.clean().channels() != first.channels() || p.clean().height() != first.height()
          || p.clean().width() != first.width()) {
        throw new InvalidInputException(what + " '" + p.name() + "' is " + p.clean() + "; all must be "
            + first.channels() + "x" + first.height() + "x" + first.width() + " like '" + pairs.get(0).name() + "'");
      }
      side.apply(p).copyTo(out, i * per);
    }
    return out;
  }
}
