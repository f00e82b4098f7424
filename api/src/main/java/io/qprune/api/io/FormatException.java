package io.qprune.api.io;

import io.qprune.api.InvalidInputException;

/** A malformed input file, located by its name (or {@code "<input>"}) and a 1-based line number. */
public class FormatException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String problem;

  /** {@code line} is 1-based; 0 means the line is not known. */
  public FormatException(String source, int line, String problem) {
    this(source, line, problem, null);
  }

  public FormatException(String source, int line, String problem, Throwable cause) {
    super(where(source, line) + ": " + problem, cause);
    this.source = source == null ? "<input>" : source;
    this.line = Math.max(0, line);
    this.problem = problem;
  }

  private static String where(String source, int line) {
    String s = source == null ? "<input>" : source;
    return line > 0 ? s + " line " + line : s;
  }

  /** The file name, or {@code "<input>"} for a stream without one. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, or 0 when not known (e.g. a file that cannot be decompressed). */
  public int line() {
    return line;
  }

  /** The message without the file and line prefix. */
  public String problem() {
    return problem;
  }
}
