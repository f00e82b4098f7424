package io.qprune.solvers.remote.internal;

import io.qprune.solvers.remote.RemoteServiceException;
import io.qprune.solvers.remote.RemoteUnavailableException;
import io.qprune.solvers.remote.ServiceErrorDetails;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Submits a job at most once per proven absence: after an ambiguous failure the job is looked up
 * (by label, or among the jobs listed before and after); only when the lookup shows that no job
 * was created is the submission posted again. No blind re-posts, so no double charges.
 */
public final class Submission {
  private Submission() {}

  /** Posts with {@code post}; resolves ambiguous failures with {@code lookup}. */
  public static <T> T submit(Supplier<T> post, Supplier<Optional<T>> lookup, RetryPolicy policy,
      Deadline deadline, ServiceErrors errors) {
    for (int attempt = 0; ; attempt++) {
      AmbiguousSubmission failure;
      try {
        return post.get();
      } catch (AmbiguousSubmission a) {
        failure = a;
      }
      // give a slow service a moment to register the job before asking for it
      deadline.sleep(policy.delay(attempt, null, () -> ThreadLocalRandom.current().nextDouble()));
      Optional<T> found;
      try {
        found = lookup.get();
      } catch (RemoteServiceException e) {
        throw new RemoteUnavailableException(ServiceErrorDetails.of(errors.service(), null), errors.service()
            + ": the outcome of the submission is unknown (" + errors.redact(failure.getMessage())
            + ") and looking the job up failed too (" + e.getMessage() + "). It was not posted again, so "
            + "that it cannot run twice; check the service's job list before retrying.", e);
      }
      if (found.isPresent()) {
        return found.get();
      }
      if (attempt >= policy.maxRetries()) {
        throw new RemoteUnavailableException(ServiceErrorDetails.of(errors.service(), null), errors.service()
            + ": submitting the job failed " + (attempt + 1) + " times, the last time with "
            + errors.redact(failure.getMessage()) + "; no job was created. Maybe the service is down: "
            + "try again later, or raise max_retries.", failure.getCause());
      }
    }
  }
}
