package io.qprune.formulation.classify;

import io.qprune.api.InvalidInputException;
import java.util.Arrays;

/**
 * Images with class labels, stored as 0–255 bytes in N × C × H × W order: the data a classifier is
 * trained and pruned on.
 */
public record LabelledImages(int count, int channels, int height, int width, byte[] pixels, byte[] labels,
    int classes, String source) {
  public LabelledImages {
    if (count < 0 || channels < 1 || height < 1 || width < 1 || classes < 2) {
      throw new InvalidInputException(source + ": bad image set shape " + count + " x " + channels + " x "
          + height + " x " + width + " with " + classes + " classes");
    }
    if ((long) count * channels * height * width != pixels.length || labels.length != count) {
      throw new InvalidInputException(source + ": " + pixels.length + " pixel bytes and " + labels.length
          + " labels do not fit " + count + " images of " + channels + " x " + height + " x " + width);
    }
    for (int i = 0; i < count; i++) {
      int y = labels[i] & 0xFF;
      if (y >= classes) {
        throw new InvalidInputException(source + ": label " + y + " of image " + i + " is not in 0.."
            + (classes - 1));
      }
    }
  }

  /** Bytes per image. */
  public int imageSize() {
    return channels * height * width;
  }

  /** The label of image i. */
  public int label(int i) {
    return labels[i] & 0xFF;
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive). */
  public LabelledImages slice(int from, int to, String name) {
    if (from < 0 || to > count || from > to) {
      throw new InvalidInputException(source + ": cannot take images " + from + ".." + to + " of " + count);
    }
    int s = imageSize();
    return new LabelledImages(to - from, channels, height, width,
        Arrays.copyOfRange(pixels, from * s, to * s), Arrays.copyOfRange(labels, from, to), classes, name);
  }

  /** Images {@code indices}, in that order. */
  public LabelledImages select(int[] indices, String name) {
    int s = imageSize();
    byte[] px = new byte[indices.length * s];
    byte[] y = new byte[indices.length];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(pixels, indices[k] * s, px, k * s, s);
      y[k] = labels[indices[k]];
    }
    return new LabelledImages(indices.length, channels, height, width, px, y, classes, name);
  }

  /** Per-channel mean and standard deviation of the pixels on the 0–1 scale. */
  public float[][] channelStats() {
    int plane = height * width;
    float[] mean = new float[channels];
    float[] std = new float[channels];
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < count; i++) {
        int base = (i * channels + c) * plane;
        for (int p = 0; p < plane; p++) {
          double v = (pixels[base + p] & 0xFF) / 255.0;
          sum += v;
          sq += v * v;
        }
      }
      double n = (double) count * plane;
      double m = sum / n;
      mean[c] = (float) m;
      std[c] = (float) Math.sqrt(Math.max(sq / n - m * m, 1e-12));
    }
    return new float[][] {mean, std};
  }
}
