package io.qprune.api.io;

import io.qprune.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** The problem file formats qprune reads and writes, with detection from a file's name or content. */
public enum ProblemFormat {
  /** dimod's {@code BinaryQuadraticModel.to_serializable()} JSON (schema 2.0.0 to 3.x). */
  BQM_JSON("bqm-json"),
  /** Beasley's OR-Library BQP files: several instances, maximise xᵀQx. */
  ORLIB("orlib"),
  /** Stanford Gset (rudy) graphs: maximise the cut weight. */
  GSET("gset"),
  /** qbsolv's {@code .qubo} files: minimise. */
  QBSOLV("qbsolv");

  private static final Pattern ORLIB_NAME = Pattern.compile("bqp[^.]*(\\.txt)?");
  private static final Pattern GSET_NAME = Pattern.compile("g\\d+(\\.txt)?|.*\\.rud");

  private final String cliName;

  ProblemFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in configuration, e.g. {@code "bqm-json"}. */
  public String cliName() {
    return cliName;
  }

  /** Parses "bqm-json", "orlib", "gset" or "qbsolv" (case-insensitive; '_' may stand for '-'). */
  public static ProblemFormat parse(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (ProblemFormat f : values()) {
        if (f.cliName.equals(n)) {
          return f;
        }
      }
    }
    throw new InvalidInputException("Unknown problem format '" + name
        + "'. Expected one of: bqm-json, orlib, gset, qbsolv.");
  }

  /**
   * The format of a file, from its name ({@code .json}, {@code .qubo}, {@code bqp*.txt},
   * {@code G<k>}, {@code .rud}; a trailing {@code .gz} is ignored) or, when the name does not
   * tell, from its first lines.
   */
  public static ProblemFormat detect(Path file) {
    ProblemFormat byName = byName(file);
    return byName != null ? byName : Sniffer.sniff(file);
  }

  static ProblemFormat byName(Path file) {
    Path fileName = file.getFileName();
    if (fileName == null) {
      return null;
    }
    String n = fileName.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".json")) {
      return BQM_JSON;
    }
    if (n.endsWith(".qubo")) {
      return QBSOLV;
    }
    if (ORLIB_NAME.matcher(n).matches()) {
      return ORLIB;
    }
    if (GSET_NAME.matcher(n).matches()) {
      return GSET;
    }
    return null;
  }
}
