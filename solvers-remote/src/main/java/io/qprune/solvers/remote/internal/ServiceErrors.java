package io.qprune.solvers.remote.internal;

import io.qprune.solvers.remote.RemoteAuthException;
import io.qprune.solvers.remote.RemoteProtocolException;
import io.qprune.solvers.remote.RemoteRejectedException;
import io.qprune.solvers.remote.RemoteUnavailableException;
import io.qprune.solvers.remote.ServiceErrorDetails;

/** Turns failed exchanges into the typed exceptions, with messages that say what to do. */
public final class ServiceErrors {
  private final String service;
  private final Secret secret; // may be null

  public ServiceErrors(String service, Secret secret) {
    this.service = service;
    this.secret = secret;
  }

  public String service() {
    return service;
  }

  /** Removes the token from a text. */
  public String redact(String text) {
    return secret == null ? text : secret.redact(text);
  }

  /** The exception for a non-2xx reply that will not be retried (any more). */
  public RuntimeException forStatus(Reply r, String jobId, int attempts) {
    ErrorBody b = ErrorBody.parse(r);
    ServiceErrorDetails d = new ServiceErrorDetails(service, r.status(), b.code(), redact(b.message()), jobId);
    String head = service + ": " + r.what() + " failed with HTTP " + r.status() + redact(b.describe());
    int s = r.status();
    if (s == 401 || s == 403) {
      return new RemoteAuthException(d, head + ". The service did not accept the token"
          + (secret == null ? " (none was configured)" : " from " + secret.source())
          + ". Maybe the token is wrong, expired or lacks access: set a valid one (token_env / token_file).", null);
    }
    if (s == 429 || s == 408 || s >= 500) {
      return new RemoteUnavailableException(d, head + (attempts > 1 ? " on all " + attempts + " attempts" : "")
          + ". The service is overloaded or down; maybe try again later, or raise max_retries / backoff_max.", null);
    }
    String hint = switch (s) {
      case 404 -> ". Maybe the endpoint, solver name or job id is wrong (list solvers with 'qprune solvers --remote ...').";
      case 409 -> ". The job is in a state that does not allow this (e.g. it has already finished).";
      case 413 -> ". The problem is too large for this service; maybe split it or use another solver.";
      default -> ". Check the parameters and the problem against the service's documentation.";
    };
    return new RemoteRejectedException(d, head + hint, null);
  }

  /** An exception for an I/O failure that exhausted the retries. */
  public RemoteUnavailableException forIo(String what, java.io.IOException e, String jobId, int attempts) {
    return new RemoteUnavailableException(ServiceErrorDetails.of(service, jobId), service + ": " + what
        + " failed: " + redact(String.valueOf(e)) + (attempts > 1 ? " (" + attempts + " attempts)" : "")
        + ". Maybe the endpoint is wrong or unreachable, or raise request_timeout / max_retries.", e);
  }

  /** A reply whose content does not check out. */
  public RemoteProtocolException protocol(String jobId, String message) {
    return new RemoteProtocolException(ServiceErrorDetails.of(service, jobId), service + ": " + redact(message), null);
  }

  /** A reply whose content does not check out, with its cause. */
  public RemoteProtocolException protocol(String jobId, String message, Throwable cause) {
    return new RemoteProtocolException(ServiceErrorDetails.of(service, jobId), service + ": " + redact(message), cause);
  }
}
