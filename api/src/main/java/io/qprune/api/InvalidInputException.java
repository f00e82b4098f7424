package io.qprune.api;

/** Bad input from the user: a malformed model, file, parameter or configuration (CLI exit 2). */
public class InvalidInputException extends QpruneException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
