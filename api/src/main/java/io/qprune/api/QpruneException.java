package io.qprune.api;

/** Root of every exception qprune throws on purpose; catch this to handle them all. */
public class QpruneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QpruneException(String message) {
    super(message);
  }

  public QpruneException(String message, Throwable cause) {
    super(message, cause);
  }
}
