package io.qprune.formulation.classify;

import io.qprune.api.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST ({@code *-images-idx3-ubyte} and
 * {@code *-labels-idx1-ubyte}, plain or gzipped): a big-endian magic (0x00000803 for images,
 * 0x00000801 for labels), the dimensions, then unsigned bytes.
 */
public final class IdxFiles {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  private IdxFiles() {}

  /** Reads an image file and its label file into one set of grey images with {@code classes} classes. */
  public static LabelledImages read(Path images, Path labels, int classes) {
    int[] dims = new int[3];
    byte[] px = readFile(images, IMAGES_MAGIC, dims);
    int[] ldims = new int[1];
    byte[] y = readFile(labels, LABELS_MAGIC, ldims);
    if (dims[0] != ldims[0]) {
      throw new InvalidInputException(images + " holds " + dims[0] + " images but " + labels + " holds "
          + ldims[0] + " labels");
    }
    return new LabelledImages(dims[0], 1, dims[1], dims[2], px, y, classes, images.toString());
  }

  private static byte[] readFile(Path file, int magic, int[] dims) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
      DataInputStream d = new DataInputStream(in);
      int m = d.readInt();
      if (m != magic) {
        throw new InvalidInputException(String.format(
            "%s is not an IDX %s file: magic 0x%08x, expected 0x%08x", file,
            magic == IMAGES_MAGIC ? "image" : "label", m, magic));
      }
      long total = 1;
      for (int k = 0; k < dims.length; k++) {
        dims[k] = d.readInt();
        if (dims[k] < 0 || dims[k] > 100_000_000) {
          throw new InvalidInputException(file + ": dimension " + k + " is " + dims[k]);
        }
        total *= dims[k];
      }
      if (total > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException(file + ": " + total + " bytes of data is too large");
      }
      byte[] data = new byte[(int) total];
      d.readFully(data);
      return data;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + " does not exist", e);
    } catch (EOFException e) {
      throw new InvalidInputException(file + " is truncated: it ends before the data its header announces", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
