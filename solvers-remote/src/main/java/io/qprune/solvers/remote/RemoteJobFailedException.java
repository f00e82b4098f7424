package io.qprune.solvers.remote;

/** The service accepted the job but reports it FAILED / Error, or cancelled it itself. */
public class RemoteJobFailedException extends RemoteServiceException {
  private static final long serialVersionUID = 1L;

  public RemoteJobFailedException(ServiceErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
