package io.qprune.formulation.importance.io;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.importance.ScoreSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads scores computed elsewhere (e.g. in PyTorch): an {@code .npz} archive, a folder of
 * {@code .npy} files, or a {@code .json} file (see {@link ScoresJson} and the README).
 */
public final class ScoreFiles {
  private ScoreFiles() {}

  /** Reads the file or folder, chosen by its extension. */
  public static ScoreSet read(Path path) {
    if (Files.isDirectory(path)) {
      Map<String, NpyArray> arrays = new LinkedHashMap<>();
      try (Stream<Path> files = Files.list(path)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".npy")) {
            arrays.put(name.substring(0, name.length() - 4), Npy.read(f));
          }
        }
      } catch (IOException e) {
        throw new InvalidInputException("Cannot list " + path + ": " + e.getMessage(), e);
      }
      if (arrays.isEmpty()) {
        throw new InvalidInputException(path + " is a folder without .npy files");
      }
      return ScoreArrays.toScores(arrays, path.toString());
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npz")) {
      return ScoreArrays.toScores(Npy.readNpz(path), path.toString());
    }
    if (name.endsWith(".json")) {
      try {
        return ScoresJson.parse(Files.readString(path), path.toString());
      } catch (NoSuchFileException e) {
        throw new InvalidInputException("Scores file " + path + " does not exist", e);
      } catch (IOException e) {
        throw new InvalidInputException("Cannot read " + path + ": " + e.getMessage(), e);
      }
    }
    throw new InvalidInputException("Scores file " + path + " must be .npz, .json, or a folder of"
        + " .npy files");
  }
}
