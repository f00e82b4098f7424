package io.qprune.solvers.remote.testing;

import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
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

  /**
   * A pruning-shaped QUBO of 12 units: rewards per unit, redundancy penalties within three dense
   * "layers" of 5, 4 and 3 units; with {@code linked}, two interactions join the layers.
   */
  public static Qubo layered(long seed, boolean linked) {
    java.util.Random r = new java.util.Random(seed);
    int[] sizes = {5, 4, 3};
    QuboBuilder b = Qubo.builder(12);
    int at = 0;
    for (int s : sizes) {
      for (int i = 0; i < s; i++) {
        b.addLinear(at + i, -r.nextDouble());
        for (int j = i + 1; j < s; j++) {
          b.addQuadratic(at + i, at + j, 0.3 * r.nextDouble());
        }
      }
      at += s;
    }
    return linked ? b.addQuadratic(0, 5, 0.2).addQuadratic(6, 9, 0.2).build() : b.build();
  }
}
