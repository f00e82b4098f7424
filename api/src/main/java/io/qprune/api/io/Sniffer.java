package io.qprune.api.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Guesses a file's format from its first meaningful line when its name does not tell. */
final class Sniffer {
  private static final int HEAD = 64 * 1024;

  private Sniffer() {}

  static ProblemFormat sniff(Path file) {
    String source = Sources.name(file);
    byte[] bytes = Sources.head(file, HEAD);
    Sources.checkNotBinary(bytes, source);
    String head = new String(bytes, StandardCharsets.UTF_8);
    ProblemFormat f = fromText(head);
    if (f == null) {
      String first = firstLine(head);
      throw new FormatException(source, 0, "cannot tell the file format from its name or its first "
          + "line" + (first == null ? " (the file is empty)" : " '" + abbreviate(first) + "'")
          + "; name the format explicitly: bqm-json, orlib, gset or qbsolv");
    }
    return f;
  }

  /** The format the text looks like, or null. */
  static ProblemFormat fromText(String head) {
    for (String line : head.split("\r?\n|\r")) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.startsWith("{")) {
        return ProblemFormat.BQM_JSON;
      }
      if (line.startsWith("c") || line.startsWith("p ") || line.startsWith("p\t")) {
        return ProblemFormat.QBSOLV;
      }
      String[] tokens = t.split("\\s+");
      for (String tok : tokens) {
        if (!tok.matches("\\d+")) {
          return null;
        }
      }
      return tokens.length == 1 ? ProblemFormat.ORLIB : tokens.length == 2 ? ProblemFormat.GSET : null;
    }
    return null;
  }

  private static String firstLine(String head) {
    for (String line : head.split("\r?\n|\r")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return null;
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
