package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads real noisy/clean pairs laid out like SIDD: one folder per scene holding
 * {@code *_GT_SRGB_*.PNG} and the matching {@code *_NOISY_SRGB_*.PNG}.
 */
public final class SiddFolder {
  private static final Pattern GT = Pattern.compile("(?i)(.*)_GT_SRGB_(.*)\\.png");

  private SiddFolder() {}

  /** Every pair under {@code root} (scene folders sorted by name), converted to {@code mode}. */
  public static List<NoisyPair> load(Path root, ColorMode mode) {
    List<NoisyPair> out = new ArrayList<>();
    for (Path scene : scenes(root)) {
      for (Path gt : files(scene)) {
        Matcher m = GT.matcher(gt.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        Path noisy = findNoisy(scene, m.group(1), m.group(2));
        String name = scene.getFileName() + "/" + gt.getFileName();
        out.add(
            new NoisyPair(name, ImageFiles.read(gt, mode), ImageFiles.read(noisy, mode)));
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(
          "No *_GT_SRGB_*.PNG files in the scene folders of " + root
              + ". Maybe point at SIDD's Data folder (one sub-folder per scene).");
    }
    return out;
  }

  private static Path findNoisy(Path scene, String prefix, String suffix) {
    String wanted = prefix + "_NOISY_SRGB_" + suffix + ".png";
    for (Path p : files(scene)) {
      if (p.getFileName().toString().equalsIgnoreCase(wanted)) {
        return p;
      }
    }
    throw new InvalidInputException(
        "Scene " + scene + " has a ground truth for '" + prefix + "_*_" + suffix
            + "' but no " + wanted);
  }

  private static List<Path> scenes(Path root) {
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException("SIDD folder " + root + " does not exist or is not a folder");
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
