package io.qprune.bench.cli;

import io.qprune.api.io.AtomicFiles;
import java.nio.file.Path;

/** Writes a command's output file so readers never see it half-written (see {@link AtomicFiles}). */
public final class AtomicWrite {
  private AtomicWrite() {}

  public static void string(Path target, String content) {
    AtomicFiles.writeString(target, content);
  }
}
