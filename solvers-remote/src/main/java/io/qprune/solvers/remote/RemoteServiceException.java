package io.qprune.solvers.remote;

import io.qprune.api.SolverFailedException;

/**
 * Root of the failures of a remote service on valid input: the service was unreachable, failed
 * the job, timed out or sent an answer that does not check out (CLI exit 1).
 */
public class RemoteServiceException extends SolverFailedException implements ServiceError {
  private static final long serialVersionUID = 1L;
  private final transient ServiceErrorDetails details;

  public RemoteServiceException(ServiceErrorDetails details, String message, Throwable cause) {
    super(message, cause);
    this.details = details;
  }

  @Override
  public ServiceErrorDetails details() {
    return details;
  }
}
