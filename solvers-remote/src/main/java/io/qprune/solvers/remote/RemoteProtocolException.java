package io.qprune.solvers.remote;

/**
 * A reply that does not check out: empty or malformed body, wrong content type or version, a
 * truncated answer, an answer for another problem, wrong variable count, or energies that
 * disagree with the model.
 */
public class RemoteProtocolException extends RemoteServiceException {
  private static final long serialVersionUID = 1L;

  public RemoteProtocolException(ServiceErrorDetails details, String message, Throwable cause) {
    super(details, message, cause);
  }
}
