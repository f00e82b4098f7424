package io.qprune.api.io;

import java.util.function.Consumer;

/** Walks a text file's non-blank lines as whitespace-separated tokens, tracking line numbers. */
final class LineScanner {
  private static final String[] NONE = new String[0];

  private final String text;
  private final String source;
  private final Consumer<String> comments;
  private int pos;
  private int lineNo;
  private String line;

  /** Without comments: every non-blank line is data. */
  LineScanner(String text, String source) {
    this(text, source, null);
  }

  /** Lines starting with 'c' are comments, passed to {@code comments} and skipped. */
  LineScanner(String text, String source, Consumer<String> comments) {
    this.text = text;
    this.source = source;
    this.comments = comments;
  }

  String source() {
    return source;
  }

  /** The tokens of the next non-blank, non-comment line, or null at the end of the text. */
  String[] next() {
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = text.length();
      }
      line = text.substring(pos, end);
      pos = end + 1;
      lineNo++;
      if (comments != null && line.startsWith("c")) {
        comments.accept(line);
        continue;
      }
      String[] tokens = split(line);
      if (tokens.length > 0) {
        return tokens;
      }
    }
    line = null;
    return null;
  }

  /** The current line's number (1-based). */
  int line() {
    return lineNo;
  }

  /** The current line, trimmed, shortened for messages. */
  String quoted() {
    return line == null ? "end of file" : "'" + Sniffer.abbreviate(line.strip()) + "'";
  }

  FormatException error(String problem) {
    return new FormatException(source, lineNo, problem);
  }

  /** An error for input that ended early, located just past the last line. */
  FormatException truncated(String problem) {
    return new FormatException(source, lineNo + 1, problem + "; the file looks truncated");
  }

  /** An integer in [lo, hi]. */
  int integer(String token, String what, long lo, long hi) {
    long v = Numbers.parseSmallInt(token);
    if (v == Long.MIN_VALUE) {
      throw error(what + " must be an integer, got '" + token + "'");
    }
    if (v < lo || v > hi) {
      throw error(what + " " + v + " is out of range " + lo + ".." + hi);
    }
    return (int) v;
  }

  /** A finite decimal number. */
  double number(String token, String what) {
    double v = Numbers.parse(token);
    if (Double.isNaN(v)) {
      throw error(what + " must be a finite number, got '" + token + "'");
    }
    return v;
  }

  static String[] split(String s) {
    int n = s.length();
    int count = 0;
    for (int i = 0; i < n; ) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i < n) {
        count++;
      }
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
    if (count == 0) {
      return NONE;
    }
    String[] out = new String[count];
    int k = 0;
    for (int i = 0; i < n; ) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out[k++] = s.substring(start, i);
      }
    }
    return out;
  }
}
