package io.qprune.bench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version {@code -V} prints on every command: the Maven project version the build wrote in. */
public final class QpruneVersion implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    try (InputStream in = QpruneVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " next to " + QpruneVersion.class.getName()
            + ": the build did not run Maven's resource phase");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      if (v.isBlank() || v.contains("${")) {
        throw new IllegalStateException(RESOURCE + " was not filtered by the build (version=" + v + ")");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"qprune " + version()};
  }
}
