package io.qprune.formulation.classify;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tiny Fashion-MNIST-format fixtures: 28 × 28 grey images whose class k is a bright 6 × 6
 * square at a class-specific place on a noisy dark background — separable, so a small net learns it.
 */
public final class IdxFixture {
  private IdxFixture() {}

  /** {@code t10k-*} files of {@code n} images (gzipped) in {@code dir}, labels cycling over {@code classes}. */
  public static void writeTestSplit(Path dir, int n, int classes, long seed) throws IOException {
    write(dir, "t10k", n, classes, seed, true);
  }

  public static void write(Path dir, String prefix, int n, int classes, long seed, boolean gzip)
      throws IOException {
    Files.createDirectories(dir);
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] px = new byte[n * 28 * 28];
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      int k = i % classes;
      y[i] = (byte) k;
      int top = 2 + (k / 4) * 8;
      int left = 2 + (k % 4) * 6;
      for (int p = 0; p < 28 * 28; p++) {
        int r = p / 28;
        int c = p % 28;
        boolean on = r >= top && r < top + 6 && c >= left && c < left + 6;
        px[i * 784 + p] = (byte) (on ? 200 + rng.nextInt(56) : rng.nextInt(40));
      }
    }
    String ext = gzip ? ".gz" : "";
    try (DataOutputStream out = open(dir.resolve(prefix + "-images-idx3-ubyte" + ext), gzip)) {
      out.writeInt(IdxFiles.IMAGES_MAGIC);
      out.writeInt(n);
      out.writeInt(28);
      out.writeInt(28);
      out.write(px);
    }
    try (DataOutputStream out = open(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), gzip)) {
      out.writeInt(IdxFiles.LABELS_MAGIC);
      out.writeInt(n);
      out.write(y);
    }
  }

  private static DataOutputStream open(Path file, boolean gzip) throws IOException {
    OutputStream o = Files.newOutputStream(file);
    return new DataOutputStream(gzip ? new GZIPOutputStream(o) : o);
  }
}
