package io.qprune.bench.solvers;

import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Best-known objective values read from {@code *best_known*.csv} files beside an instance file or
 * in its parent folder: a column {@code instance} and a column {@code best_known_max} (OR-Library)
 * or {@code best_known_cut} (Gset), keyed like the instances ({@code bqp250-3}, {@code G22}).
 */
public final class BestKnown {
  private static final List<String> VALUE_COLUMNS = List.of("best_known_max", "best_known_cut",
      "best_known", "best_known_value");
  private final Map<Path, Map<String, Double>> byFolder = new HashMap<>();

  /** The best-known value for an instance of this file, or null when no table lists it. */
  public Double lookup(Path instanceFile, String instance) {
    Path dir = instanceFile.toAbsolutePath().getParent();
    if (dir == null) {
      return null;
    }
    Double v = tables(dir).get(instance);
    if (v == null && dir.getParent() != null) {
      v = tables(dir.getParent()).get(instance);
    }
    return v;
  }

  private Map<String, Double> tables(Path dir) {
    return byFolder.computeIfAbsent(dir, d -> {
      Map<String, Double> all = new HashMap<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(d, "*best_known*.csv")) {
        for (Path f : files) {
          all.putAll(parse(f));
        }
      } catch (IOException e) {
        return all; // an unreadable folder simply has no table
      }
      return all;
    });
  }

  /** Parses one table: instance name to value; rows without a number in the value column are skipped. */
  static Map<String, Double> parse(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read best-known table " + csv + ": " + e.getMessage(), e);
    }
    Map<String, Double> out = new HashMap<>();
    if (lines.isEmpty()) {
      return out;
    }
    List<String> header = split(lines.get(0));
    int key = header.indexOf("instance");
    int value = -1;
    for (String c : VALUE_COLUMNS) {
      if (value < 0) {
        value = header.indexOf(c);
      }
    }
    if (key < 0 || value < 0) {
      return out;
    }
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = split(line);
      if (cells.size() > Math.max(key, value)) {
        try {
          out.put(cells.get(key).trim(), Double.parseDouble(cells.get(value).trim()));
        } catch (NumberFormatException ignored) {
          // a blank or "unknown" value: no best-known figure for this row
        }
      }
    }
    return out;
  }

  /** Splits a CSV line, honouring double quotes. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cells.add(cur.toString());
    return cells;
  }
}
