package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples random square training patches (area-weighted over images, with the 8 flips/rotations)
 * and makes them noisy, either with a synthetic {@link Noise} or from real noisy/clean pairs.
 */
public final class PatchSampler {
  private final List<Image> cleans;
  private final List<Image> noisies; // null entries: synthesise with `noise`
  private final Noise noise;
  private final int size;
  private final double[] cumulativeArea;

  private PatchSampler(List<Image> cleans, List<Image> noisies, Noise noise, int size) {
    if (size < 1) {
      throw new InvalidInputException("Patch size must be >= 1, got " + size);
    }
    List<Image> c = new ArrayList<>();
    List<Image> n = new ArrayList<>();
    for (int i = 0; i < cleans.size(); i++) {
      Image img = cleans.get(i);
      if (img.height() >= size && img.width() >= size) {
        c.add(img);
        n.add(noisies == null ? null : noisies.get(i));
      }
    }
    if (c.isEmpty()) {
      throw new InvalidInputException(
          "No training image is at least " + size + "x" + size + ". Maybe lower the patch size.");
    }
    int channels = c.get(0).channels();
    for (Image img : c) {
      if (img.channels() != channels) {
        throw new InvalidInputException("Training images mix 1- and 3-channel images");
      }
    }
    this.cleans = List.copyOf(c);
    this.noisies = n;
    this.noise = noise;
    this.size = size;
    this.cumulativeArea = new double[c.size()];
    double sum = 0;
    for (int i = 0; i < c.size(); i++) {
      sum += (double) (c.get(i).height() - size + 1) * (c.get(i).width() - size + 1);
      cumulativeArea[i] = sum;
    }
  }

  /** Patches of clean photos, made noisy by {@code noise} afresh on every draw. */
  public static PatchSampler synthetic(List<Image> cleans, Noise noise, int size) {
    return new PatchSampler(cleans, null, noise, size);
  }

  /** Aligned patches of real noisy/clean pairs (e.g. SIDD). */
  public static PatchSampler pairs(List<NoisyPair> pairs, int size) {
    return new PatchSampler(
        pairs.stream().map(NoisyPair::clean).toList(),
        pairs.stream().map(NoisyPair::noisy).toList(),
        null,
        size);
  }

  public int channels() {
    return cleans.get(0).channels();
  }

  /** Draws {@code count} patches; the same {@code rng} state gives the same batch. */
  public PatchBatch sample(int count, SplittableRandom rng) {
    int ch = channels();
    int per = ch * size * size;
    float[] noisy = new float[count * per];
    float[] clean = new float[count * per];
    for (int b = 0; b < count; b++) {
      int i = pick(rng.nextDouble() * cumulativeArea[cumulativeArea.length - 1]);
      Image img = cleans.get(i);
      int y = rng.nextInt(img.height() - size + 1);
      int x = rng.nextInt(img.width() - size + 1);
      int k = rng.nextInt(8);
      Image c = Dihedral.apply(img.crop(y, x, size, size), k);
      Image n =
          noisies.get(i) == null
              ? noise.apply(c, rng)
              : Dihedral.apply(noisies.get(i).crop(y, x, size, size), k);
      c.copyTo(clean, b * per);
      n.copyTo(noisy, b * per);
    }
    return new PatchBatch(count, ch, size, noisy, clean);
  }

  private int pick(double u) {
    int lo = 0;
    int hi = cumulativeArea.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulativeArea[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
