package io.qprune.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.QpruneException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void replacesTheTargetAndCreatesFolders() throws Exception {
    Path f = dir.resolve("a/b/out.txt");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(Files.readString(f)).isEqualTo("two");
    try (var s = Files.list(f.getParent())) {
      assertThat(s).containsExactly(f);
    }
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path f = dir.resolve("out.txt");
    AtomicFiles.writeString(f, "complete");
    assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
      out.write("half".getBytes());
      throw new IOException("disk full");
    })).isInstanceOf(QpruneException.class).hasMessageContaining("out.txt").hasMessageContaining("disk full");
    assertThat(Files.readString(f)).isEqualTo("complete");
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactly(f);
    }
  }
}
