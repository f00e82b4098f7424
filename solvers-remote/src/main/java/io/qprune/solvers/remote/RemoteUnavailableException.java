package io.qprune.solvers.remote;

/**
 * The service could not be reached or kept refusing (connection errors, 429, 5xx) after the
 * retry policy was spent, or a submission's outcome stayed unknown.
 */
public class RemoteUnavailableException extends RemoteServiceException {
  private static final long serialVersionUID = 1L;

  public RemoteUnavailableException(ServiceErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
