package io.qprune.formulation.prune;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.Photo;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Whole shipped photos of one split with seeded noise: what validation and test scores use. */
public final class EvalPhotos {
  private EvalPhotos() {}

  /** The split's photos, each made noisy with noise seeded by {@code seed} and its name. */
  public static List<NoisyPair> of(Split split, ColorMode color, Noise noise, long seed) {
    return of(split, color, noise, seed, 0);
  }

  /**
   * The same, limited to the {@code limit} smallest photos of the split (by pixel count, then name;
   * their noise is the same as in the whole split); {@code limit} 0 means all of them.
   */
  public static List<NoisyPair> of(Split split, ColorMode color, Noise noise, long seed, int limit) {
    List<Photo> photos = ShippedPhotos.load(split, color);
    if (limit > 0 && limit < photos.size()) {
      List<Photo> smallest = new ArrayList<>(photos);
      smallest.sort(Comparator.comparingLong((Photo p) -> (long) p.image().width() * p.image().height())
          .thenComparing(Photo::name));
      Set<Photo> keep = new HashSet<>(smallest.subList(0, limit));
      photos = photos.stream().filter(keep::contains).toList();
    }
    List<NoisyPair> out = new ArrayList<>();
    for (Photo p : photos) {
      out.add(new NoisyPair(p.name(), p.image(), noise.apply(p.image(), Noise.rngFor(seed, p.name()))));
    }
    return out;
  }
}
