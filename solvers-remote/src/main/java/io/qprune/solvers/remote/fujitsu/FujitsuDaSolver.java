package io.qprune.solvers.remote.fujitsu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.Budget;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.solvers.remote.RemoteJobFailedException;
import io.qprune.solvers.remote.ServiceErrorDetails;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.RemoteSettings;
import io.qprune.solvers.remote.internal.RemoteSolver;
import io.qprune.solvers.remote.internal.Rescore;
import io.qprune.solvers.remote.internal.Secret;
import io.qprune.solvers.remote.internal.StopSignal;
import io.qprune.solvers.remote.internal.Submission;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fujitsu Digital Annealer v4 (or v3c), asynchronous QUBO API: the job is posted, polled while
 * Waiting / Running, its Done result decoded and re-scored, then deleted on the service. An
 * ambiguous submission is resolved by comparing the job list with the one taken just before.
 */
final class FujitsuDaSolver extends RemoteSolver {
  private final DaClient da;
  private final Secret key;
  private final ObjectNode settingsJson; // fujitsuDA3 settings given as parameters or service_params
  private final Integer timeLimitSec;
  private final boolean deleteJob;

  FujitsuDaSolver(RemoteSettings settings, Secret key, String version, ObjectNode settingsJson, Integer timeLimitSec,
      boolean deleteJob) {
    super(FujitsuDaProvider.NAME, settings);
    this.da = new DaClient(settings, key, version, name);
    this.key = key;
    this.settingsJson = settingsJson;
    this.timeLimitSec = timeLimitSec;
    this.deleteJob = deleteJob;
  }

  @Override
  protected SampleSet run(Qubo q, SolveRequest request, Budget budget, Job job) {
    Qubo b = q.toBinary();
    ObjectNode s = settingsJson.deepCopy();
    int t = serviceSeconds(budget, job);
    s.put("time_limit_sec", t);
    ObjectNode body = DaRequest.body(b, s);
    job.deadline = Deadline.of(budget, Duration.ofSeconds(t), settings.deadlineGrace());
    Deadline d = job.deadline;
    Set<String> before = da.jobs(d);
    try {
      job.id = Submission.submit(() -> da.post(body, d), () -> newJob(before, d), settings.retry(), d, da.errors());
    } catch (StopSignal stop) {
      // stopped while the submission was in flight: if it created a job, it must be cancelled too
      try {
        job.id = newJob(before, Deadline.within(Duration.ofSeconds(5))).orElse(null);
      } catch (RuntimeException e) {
        job.info.put("remote_cancel", "unknown: could not list the jobs: " + e.getMessage());
      }
      throw stop;
    }
    job.info.put("job_id", job.id);
    JsonNode result = await(job);
    List<Rescore.Row> rows = DaResult.rows(result, q, DaRequest.used(b), da.errors(), job);
    if (deleteJob) {
      try {
        da.delete(job.id, d);
        job.info.put("deleted", true);
      } catch (RuntimeException e) {
        job.info.put("deleted", "failed: " + e.getMessage());
      }
    }
    return Rescore.build(q, rows, settings.energyTolerance(), da.errors(), job.id, SolveInfo.empty());
  }

  /** time_limit_sec: the parameter (default 10), capped at 80% of the caller's time, at least 1. */
  private int serviceSeconds(Budget budget, Job job) {
    int t = timeLimitSec != null ? timeLimitSec : 10;
    if (budget.hasTimeLimit()) {
      t = (int) Math.min(t, Math.floor(0.8 * budget.remainingNanos() / 1e9));
    }
    if (t < 1) {
      job.info.put("time_limit_raised_to_minimum", 1);
      t = 1;
    }
    job.info.put("time_limit_sec", t);
    return t;
  }

  /** The job a lost submission created: the one new job in the list, if exactly one appeared. */
  private Optional<String> newJob(Set<String> before, Deadline d) {
    Set<String> now = new HashSet<>(da.jobs(d));
    now.removeAll(before);
    if (now.size() > 1) {
      throw da.errors().protocol(null, "after a submission whose outcome is unknown, " + now.size()
          + " new jobs appeared (" + now + "); cannot tell which is ours, so none was posted again."
          + " Cancel the extra ones on the service.");
    }
    return now.stream().findFirst();
  }

  private JsonNode await(Job job) {
    while (true) {
      JsonNode r = da.result(job.id, job.deadline);
      String status = Json.field(r, "status", da.errors(), job.id, "The result of job " + job.id).asText();
      switch (status) {
        case "Done":
          return r;
        case "Waiting":
        case "Running":
          job.deadline.sleep(settings.pollInterval());
          break;
        case "Error":
        case "Canceled":
        case "Deleted":
          throw new RemoteJobFailedException(new ServiceErrorDetails(name, 0, status, da.errors().redact(Json.excerpt(r)),
              job.id), name + ": job " + job.id + " ended with status " + status + ": " + da.errors().redact(Json.excerpt(r))
              + (status.equals("Error") ? ". Check the problem and the fujitsuDA3 settings." : ". It was not cancelled by this solve."), null);
        default:
          throw da.errors().protocol(job.id, "job " + job.id + " has status '" + status
              + "'; expected Waiting, Running, Done, Canceled or Error");
      }
    }
  }

  @Override
  protected void cancel(String jobId, Deadline deadline) {
    da.cancel(jobId, deadline);
    if (deleteJob) {
      da.delete(jobId, deadline);
    }
  }

  @Override
  public String toString() {
    return "fujitsu-da[endpoint=" + settings.endpoint() + ", key=" + key + "]";
  }
}
