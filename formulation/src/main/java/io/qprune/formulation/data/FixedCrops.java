package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** A fixed, seeded set of noisy/clean crops (the fast validation batch): same every run. */
public final class FixedCrops {
  private FixedCrops() {}

  /**
   * Exactly {@code count} crops of {@code size × size}, shared out over the photos in order (the
   * first {@code count mod photos} get one more), spread over a grid on each photo, each made noisy
   * with noise seeded by {@code seed} and its name.
   */
  public static List<NoisyPair> of(List<Photo> photos, int count, int size, Noise noise, long seed) {
    List<Photo> usable = photos.stream()
        .filter(p -> p.image().height() >= size && p.image().width() >= size).toList();
    if (usable.isEmpty() || count < 1) {
      throw new InvalidInputException(
          "Need count >= 1 and a photo of at least " + size + "x" + size + " for crops, got count "
              + count + " and " + photos.size() + " photos");
    }
    List<NoisyPair> out = new ArrayList<>();
    for (int i = 0; i < usable.size(); i++) {
      int per = count / usable.size() + (i < count % usable.size() ? 1 : 0);
      int grid = (int) Math.ceil(Math.sqrt(per));
      Photo p = usable.get(i);
      Image img = p.image();
      for (int j = 0; j < per; j++) {
        int y = spread(j / grid, grid, img.height() - size);
        int x = spread(j % grid, grid, img.width() - size);
        String name = p.name() + "#" + y + "," + x;
        Image clean = img.crop(y, x, size, size);
        out.add(new NoisyPair(name, clean, noise.apply(clean, Noise.rngFor(seed, name))));
      }
    }
    return out;
  }

  private static int spread(int i, int n, int range) {
    return n == 1 ? range / 2 : (int) Math.round((double) i * range / (n - 1));
  }
}
