package io.qprune.api;

/** A solver could not produce a result for valid input (CLI exit 1). */
public class SolverFailedException extends QpruneException {
  private static final long serialVersionUID = 1L;

  public SolverFailedException(String message) {
    super(message);
  }

  public SolverFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
