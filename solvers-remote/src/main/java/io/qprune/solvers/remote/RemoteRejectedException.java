package io.qprune.solvers.remote;

import io.qprune.api.InvalidInputException;

/**
 * The service refused the request as invalid (HTTP 400, 404, 409, 413, 422, or an error item in a
 * batch reply): a bad parameter, an unknown solver, a problem it cannot take (CLI exit 2).
 */
public class RemoteRejectedException extends InvalidInputException implements ServiceError {
  private static final long serialVersionUID = 1L;
  private final transient ServiceErrorDetails details;

  public RemoteRejectedException(ServiceErrorDetails details, String message, Throwable cause) {
    super(message, cause);
    this.details = details;
  }

  @Override
  public ServiceErrorDetails details() {
    return details;
  }
}
