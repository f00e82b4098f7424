package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.solvers.remote.RemoteJobFailedException;
import io.qprune.solvers.remote.ServiceErrorDetails;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.RemoteSolver.Job;
import io.qprune.solvers.remote.internal.StopSignal;
import io.qprune.solvers.remote.internal.Submission;
import java.time.Duration;
import java.util.UUID;

/**
 * Submits one SAPI problem under a unique label (so that an ambiguous submission is looked up
 * rather than re-posted) and follows it PENDING → IN_PROGRESS → COMPLETED by long polling,
 * fetching {@code problems/{id}/} when a COMPLETED status carries no answer.
 */
final class SapiJob {
  private final Sapi sapi;
  private final int pollWait;

  SapiJob(Sapi sapi, int pollWaitSeconds) {
    this.sapi = sapi;
    this.pollWait = pollWaitSeconds;
  }

  /** Submits the job (a label is added) and returns the answer object of the COMPLETED problem. */
  JsonNode run(ObjectNode body, boolean compress, Job job) {
    Deadline d = job.deadline;
    String label = "qprune-" + UUID.randomUUID();
    body.put("label", label);
    JsonNode status;
    try {
      status = Submission.submit(() -> sapi.submit(body, compress, d),
          () -> sapi.findByLabel(label, d), sapi.settings().retry(), d, sapi.errors());
    } catch (StopSignal stop) {
      // stopped while the submission was in flight: if it created a problem, it must be cancelled too
      try {
        sapi.findByLabel(label, Deadline.within(Duration.ofSeconds(5))).ifPresent(s -> job.id = s.path("id").asText(null));
      } catch (RuntimeException e) {
        job.info.put("remote_cancel", "unknown: could not look up problem " + label + ": " + e.getMessage());
      }
      throw stop;
    }
    String id = status.path("id").asText(null);
    if (id == null || id.isEmpty()) {
      throw sapi.errors().protocol(null, "the submission reply has no problem id: " + status);
    }
    job.id = id;
    job.info.put("problem_id", id);
    job.info.put("label", label);
    long lastPoll = System.nanoTime();
    while (true) {
      checkId(status, id);
      String s = status.path("status").asText("");
      switch (s) {
        case "COMPLETED": {
          JsonNode full = status.has("answer") ? status : sapi.problem(id, d);
          checkId(full, id);
          copyMeta(full, job);
          JsonNode answer = full.get("answer");
          if (answer == null || !answer.isObject()) {
            throw sapi.errors().protocol(id, "problem " + id + " is COMPLETED but GET problems/" + id + "/ has no answer");
          }
          return answer;
        }
        case "FAILED":
          throw new RemoteJobFailedException(new ServiceErrorDetails(sapi.errors().service(), 0, "FAILED",
              sapi.errors().redact(status.path("error_message").asText(null)), id), sapi.errors().service()
              + ": problem " + id + " FAILED: " + sapi.errors().redact(status.path("error_message").asText("no message"))
              + ". Check the problem and parameters against the solver's properties.", null);
        case "CANCELLED":
          throw new RemoteJobFailedException(new ServiceErrorDetails(sapi.errors().service(), 0, "CANCELLED", null, id),
              sapi.errors().service() + ": problem " + id + " was CANCELLED by the service or another client"
              + " (not by this solve). Submit it again if that was not intended.", null);
        case "PENDING":
        case "IN_PROGRESS":
          break;
        default:
          throw sapi.errors().protocol(id, "problem " + id + " has status '" + s
              + "'; expected PENDING, IN_PROGRESS, COMPLETED, FAILED or CANCELLED");
      }
      long since = System.nanoTime() - lastPoll;
      long gap = sapi.settings().pollInterval().toNanos() - since;
      if (gap > 0) {
        d.sleep(Duration.ofNanos(gap));
      }
      d.check();
      lastPoll = System.nanoTime();
      int wait = (int) Math.min(pollWait, Math.max(0, d.remainingNanos() / 1_000_000_000L));
      status = sapi.status(id, wait, d);
    }
  }

  private void checkId(JsonNode status, String id) {
    String got = status.path("id").asText(null);
    if (!id.equals(got)) {
      throw sapi.errors().protocol(id, "asked about problem " + id + " but the reply is about problem " + got
          + ": an answer for the wrong problem");
    }
  }

  private static void copyMeta(JsonNode status, Job job) {
    for (String k : new String[] {"submitted_on", "solved_on", "type"}) {
      if (status.hasNonNull(k)) {
        job.info.put(k, status.get(k).asText());
      }
    }
    JsonNode solver = status.get("solver");
    if (solver != null) {
      job.info.put("solver_name", solver.isObject() ? solver.path("name").asText() : solver.asText());
    }
  }
}
