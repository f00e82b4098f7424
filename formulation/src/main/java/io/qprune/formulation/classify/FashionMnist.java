package io.qprune.formulation.classify;

import io.qprune.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Fashion-MNIST and splits it: the last {@value #VALIDATION} training images are the
 * validation set (never trained on), the rest the training set, the t10k files the test set. Where
 * only the t10k files exist, they are split instead (first 5000 train+validation, last 5000 test)
 * and {@link Splits#note()} says so.
 */
public final class FashionMnist {
  public static final int VALIDATION = 5000;
  public static final int CLASSES = 10;
  /** Debian's {@code dataset-fashion-mnist} package installs the files here. */
  public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
  public static final String ENV = "QPRUNE_FASHION_MNIST";

  private FashionMnist() {}

  /** Train / validation / test images, and a note when the full training set was missing. */
  public record Splits(LabelledImages train, LabelledImages validation, LabelledImages test, String note) {}

  /** The folder to read: {@code dir} if given, else $QPRUNE_FASHION_MNIST, else Debian's location. */
  public static Path locate(Path dir) {
    if (dir != null) {
      return dir;
    }
    String env = System.getenv(ENV);
    return env != null && !env.isBlank() ? Path.of(env) : DEBIAN;
  }

  /** Reads the splits from {@code dir} (see {@link #locate}). */
  public static Splits load(Path dir) {
    Path d = locate(dir);
    Path testImages = find(d, "t10k-images-idx3-ubyte");
    Path testLabels = find(d, "t10k-labels-idx1-ubyte");
    if (testImages == null || testLabels == null) {
      throw new InvalidInputException("No Fashion-MNIST in " + d + " (looked for t10k-images-idx3-ubyte[.gz]"
          + " and t10k-labels-idx1-ubyte[.gz]). Install it with 'apt-get install dataset-fashion-mnist'"
          + " (files under " + DEBIAN + "), or pass --data DIR / set " + ENV);
    }
    LabelledImages test = IdxFiles.read(testImages, testLabels, CLASSES);
    Path trainImages = find(d, "train-images-idx3-ubyte");
    Path trainLabels = find(d, "train-labels-idx1-ubyte");
    if (trainImages == null || trainLabels == null) {
      int half = test.count() / 2;
      int val = Math.min(VALIDATION / 5, half / 5);
      LabelledImages first = test.slice(0, half, "t10k[0:" + half + "]");
      return new Splits(first.slice(0, half - val, "t10k train part"),
          first.slice(half - val, half, "t10k validation part"),
          test.slice(half, test.count(), "t10k[" + half + ":]"),
          "Only the test split is in " + d + ": trained on its first " + (half - val) + " images, validated on the"
              + " next " + val + ", tested on the last " + (test.count() - half) + " (install"
              + " dataset-fashion-mnist for the full set)");
    }
    LabelledImages all = IdxFiles.read(trainImages, trainLabels, CLASSES);
    if (all.count() <= VALIDATION) {
      throw new InvalidInputException(trainImages + " holds only " + all.count() + " images; need more than "
          + VALIDATION + " to keep a validation set apart");
    }
    int cut = all.count() - VALIDATION;
    return new Splits(all.slice(0, cut, "train[0:" + cut + "]"),
        all.slice(cut, all.count(), "train[" + cut + ":]"), test, "");
  }

  private static Path find(Path dir, String stem) {
    List<Path> options = new ArrayList<>(List.of(dir.resolve(stem + ".gz"), dir.resolve(stem),
        dir.resolve(stem.replace("-idx", ".idx"))));
    for (Path p : options) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
