package io.qprune.formulation.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads every PNG/JPEG photo of a folder (any size, grey or RGB) as clean images. */
public final class PhotoFolder {
  private PhotoFolder() {}

  /** The folder's photos, sorted by file name, converted to {@code mode}. */
  public static List<Photo> load(Path dir, ColorMode mode) {
    List<Photo> out = new ArrayList<>();
    for (Path p : ImageFiles.list(dir)) {
      out.add(new Photo(p.getFileName().toString(), ImageFiles.read(p, mode)));
    }
    return out;
  }
}
