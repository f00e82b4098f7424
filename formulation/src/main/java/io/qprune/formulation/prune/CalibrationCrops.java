package io.qprune.formulation.prune;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.PatchBatch;
import io.qprune.formulation.data.PatchSampler;
import io.qprune.formulation.data.Photo;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The calibration set: seeded random noisy crops of the shipped training photos. */
public final class CalibrationCrops {
  private CalibrationCrops() {}

  /** {@code count} crops of {@code size × size}; the same seed gives the same crops and noise. */
  public static List<NoisyPair> of(ColorMode color, int count, int size, Noise noise, long seed) {
    List<Image> train = ShippedPhotos.load(Split.TRAIN, color).stream().map(Photo::image).toList();
    return of(train, count, size, noise, seed);
  }

  /** Crops of the given clean images. */
  public static List<NoisyPair> of(List<Image> images, int count, int size, Noise noise, long seed) {
    PatchBatch b = PatchSampler.synthetic(images, noise, size)
        .sample(count, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x51ED));
    int per = b.channels() * size * size;
    float[] noisy = b.noisy();
    float[] clean = b.clean();
    List<NoisyPair> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] c = java.util.Arrays.copyOfRange(clean, i * per, (i + 1) * per);
      float[] n = java.util.Arrays.copyOfRange(noisy, i * per, (i + 1) * per);
      out.add(new NoisyPair("calib" + i, Image.of(b.channels(), size, size, c),
          Image.of(b.channels(), size, size, n)));
    }
    return out;
  }
}
