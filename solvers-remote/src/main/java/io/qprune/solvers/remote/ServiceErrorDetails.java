package io.qprune.solvers.remote;

/**
 * The facts behind a remote-service error: adapter name, HTTP status (0 when none), the service's
 * error code and message (null when absent) and the job id (null when no job exists).
 */
public record ServiceErrorDetails(String service, int httpStatus, String serviceCode,
    String serviceMessage, String jobId) {

  /** Details with no HTTP exchange behind them (I/O failures, payload checks). */
  public static ServiceErrorDetails of(String service, String jobId) {
    return new ServiceErrorDetails(service, 0, null, null, jobId);
  }

  /** A copy that names the job. */
  public ServiceErrorDetails withJobId(String id) {
    return new ServiceErrorDetails(service, httpStatus, serviceCode, serviceMessage, id);
  }
}
