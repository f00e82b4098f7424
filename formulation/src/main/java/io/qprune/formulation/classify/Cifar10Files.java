package io.qprune.formulation.classify;

import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads CIFAR-10's binary format ({@code cifar-10-batches-bin}): records of one label byte
 * followed by 3 × 32 × 32 pixel bytes (the red plane, then green, then blue, each row-major).
 */
public final class Cifar10Files {
  public static final int SIDE = 32;
  public static final int RECORD = 1 + 3 * SIDE * SIDE;

  private Cifar10Files() {}

  /** The training set: {@code data_batch_1.bin} … {@code data_batch_5.bin} of {@code dir}, in order. */
  public static LabelledImages train(Path dir) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().matches("data_batch_\\d+\\.bin")).sorted().forEach(files::add);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("CIFAR-10 folder " + dir + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new InvalidInputException(dir + " holds no data_batch_N.bin files; expected CIFAR-10's binary"
          + " version (cifar-10-batches-bin)");
    }
    return read(files, dir + "/data_batch_*.bin");
  }

  /** The test set: {@code test_batch.bin} of {@code dir}. */
  public static LabelledImages test(Path dir) {
    return read(List.of(dir.resolve("test_batch.bin")), dir + "/test_batch.bin");
  }

  /** Reads and concatenates binary batch files. */
  public static LabelledImages read(List<Path> files, String name) {
    List<byte[]> contents = new ArrayList<>();
    long total = 0;
    for (Path f : files) {
      byte[] b;
      try {
        b = Files.readAllBytes(f);
      } catch (NoSuchFileException e) {
        throw new InvalidInputException(f + " does not exist", e);
      } catch (IOException e) {
        throw new InvalidInputException("Cannot read " + f + ": " + e.getMessage(), e);
      }
      if (b.length % RECORD != 0) {
        throw new InvalidInputException(f + " has " + b.length + " bytes, not a whole number of "
            + RECORD + "-byte CIFAR-10 records (1 label + 3072 pixels)");
      }
      for (int off = 0; off < b.length; off += RECORD) {
        if ((b[off] & 0xFF) > 9) {
          throw new InvalidInputException(f + ": record " + off / RECORD + " has label " + (b[off] & 0xFF)
              + "; CIFAR-10 labels are 0..9");
        }
      }
      contents.add(b);
      total += b.length / RECORD;
    }
    int n = Math.toIntExact(total);
    int s = RECORD - 1;
    byte[] px = new byte[n * s];
    byte[] y = new byte[n];
    int i = 0;
    for (byte[] b : contents) {
      for (int off = 0; off < b.length; off += RECORD, i++) {
        y[i] = b[off];
        System.arraycopy(b, off + 1, px, i * s, s);
      }
    }
    return new LabelledImages(n, 3, SIDE, SIDE, px, y, 10, name);
  }
}
