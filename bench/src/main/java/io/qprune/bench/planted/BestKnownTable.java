package io.qprune.bench.planted;

import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one row of a {@code *best_known*.csv} table (columns instance, best_known, source), the
 * form {@code bench solvers} reads: the row of the same instance is replaced, others are kept.
 */
public final class BestKnownTable {
  static final String HEADER = "instance,best_known,source";

  private BestKnownTable() {}

  /** Sets the value of {@code instance} in the table at {@code csv}, creating it when absent. */
  public static void put(Path csv, String instance, double value, String source) {
    List<String> lines = new ArrayList<>();
    if (Files.exists(csv)) {
      try {
        lines.addAll(Files.readAllLines(csv));
      } catch (IOException e) {
        throw new InvalidInputException("Cannot read " + csv + ": " + e.getMessage(), e);
      }
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        throw new InvalidInputException(csv + " does not start with the header '" + HEADER
            + "'; it is not a table this command wrote. Move it away or choose another --out");
      }
      lines.removeIf(l -> l.startsWith(instance + ","));
    } else {
      lines.add(HEADER);
    }
    String v = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    lines.add(instance + "," + v + ",\"" + source.replace("\"", "'") + "\"");
    AtomicFiles.writeString(csv, String.join("\n", lines) + "\n");
  }
}
