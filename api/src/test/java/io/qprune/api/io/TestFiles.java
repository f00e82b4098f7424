package io.qprune.api.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Locates test fixtures, the repository's examples and the shared benchmark data. */
final class TestFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestFiles() {}

  static Path resource(String name) {
    URL url = TestFiles.class.getResource("/formats/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource formats/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String resource) {
    try {
      return Files.readString(resource(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root: the nearest folder above the working directory holding api/pom.xml. */
  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("api/pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  /** {@code ../shared/data/qubo} beside the repository; skips the test when it is absent. */
  static Path sharedQubo(String relative) {
    Path p = repoRoot().resolve("../shared/data/qubo").resolve(relative).normalize();
    assumeTrue(Files.exists(p), "shared benchmark data not available at " + p);
    return p;
  }

  static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static Path writeGzip(Path dir, String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return Files.write(dir.resolve(name), bytes.toByteArray());
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
