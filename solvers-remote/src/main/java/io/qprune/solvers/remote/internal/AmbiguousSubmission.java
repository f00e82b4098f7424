package io.qprune.solvers.remote.internal;

/**
 * A submission whose outcome is unknown: the request may or may not have created a job (timeout,
 * reset after sending, 5xx). The adapter looks the job up before it may post again.
 */
public final class AmbiguousSubmission extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AmbiguousSubmission(String message, Throwable cause) {
    super(message, cause);
  }
}
