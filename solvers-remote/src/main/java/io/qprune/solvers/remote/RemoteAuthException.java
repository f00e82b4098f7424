package io.qprune.solvers.remote;

/** The service did not accept the credentials (HTTP 401 or 403), or none were configured. */
public class RemoteAuthException extends RemoteRejectedException {
  private static final long serialVersionUID = 1L;

  public RemoteAuthException(ServiceErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
