package io.qprune.api.io;

/** CSV cells as RFC 4180 writes them. */
public final class Csv {
  private Csv() {}

  /** {@code s} as one cell: quoted (inner quotes doubled) when it holds a comma, quote or line break. */
  public static String cell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
