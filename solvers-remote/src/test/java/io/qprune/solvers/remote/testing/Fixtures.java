package io.qprune.solvers.remote.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The wire payloads under {@code src/test/resources/wire}. */
public final class Fixtures {
  private Fixtures() {}

  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/wire/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
