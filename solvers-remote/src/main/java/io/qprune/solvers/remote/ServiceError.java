package io.qprune.solvers.remote;

import java.util.Optional;

/**
 * What every remote-service exception carries: which adapter, the HTTP status, the service's own
 * error code and message, and the job the error belongs to (where known). Implemented by both
 * {@link RemoteRejectedException} (the request was refused as invalid: CLI exit 2) and
 * {@link RemoteServiceException} (the service failed or misbehaved: CLI exit 1).
 */
public interface ServiceError {
  /** The details; never null. */
  ServiceErrorDetails details();

  /** The adapter that talked to the service, e.g. {@code dwave-hybrid}. */
  default String service() {
    return details().service();
  }

  /** The HTTP status of the failing response, or 0 when there was none (I/O error, bad payload). */
  default int httpStatus() {
    return details().httpStatus();
  }

  /** The service's own error code ({@code error_code}, {@code error.code}), if it sent one. */
  default Optional<String> serviceCode() {
    return Optional.ofNullable(details().serviceCode());
  }

  /** The service's own error message, with credentials redacted, if it sent one. */
  default Optional<String> serviceMessage() {
    return Optional.ofNullable(details().serviceMessage());
  }

  /** The remote job (problem id, job id) the error concerns, if one was created. */
  default Optional<String> jobId() {
    return Optional.ofNullable(details().jobId());
  }
}
