package io.qprune.solvers.remote;

/** The job did not finish within the caller's time limit (plus grace) and was cancelled. */
public class RemoteTimeoutException extends RemoteServiceException {
  private static final long serialVersionUID = 1L;

  public RemoteTimeoutException(ServiceErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
