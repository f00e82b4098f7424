package io.qprune.solvers.remote.internal;

import io.qprune.api.Budget;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.solvers.remote.RemoteTimeoutException;
import io.qprune.solvers.remote.ServiceErrorDetails;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The life cycle every remote adapter shares: an empty model is answered locally (it has one
 * assignment and services refuse it); a caller's cancellation cancels the remote job and returns
 * an empty sample set; a passed deadline cancels the job and throws {@link RemoteTimeoutException}.
 */
public abstract class RemoteSolver implements Solver {
  private static final Duration CLEANUP = Duration.ofSeconds(5);
  protected final String name;
  protected final RemoteSettings settings;

  protected RemoteSolver(String name, RemoteSettings settings) {
    this.name = name;
    this.settings = settings;
  }

  @Override
  public final String name() {
    return name;
  }

  /** The remote job of one solve: its id once created, and what goes into the result's info. */
  public static final class Job {
    public String id;
    public Deadline deadline;
    public final Map<String, Object> info = new LinkedHashMap<>();
  }

  @Override
  public final SampleSet solve(Qubo q, SolveRequest request) {
    Budget budget = request.startBudget();
    Job job = new Job();
    job.info.put("service", name);
    job.info.put("endpoint", settings.endpoint().toString());
    job.info.put("seed", request.seed());
    if (q.numVariables() == 0) {
      job.info.put("remote", false);
      job.info.put("reason", "an empty model has a single assignment; nothing was sent");
      return SampleSet.builder(q).add(new int[0], q.offset(), 1)
          .info(new SolveInfo(name, budget.elapsedSeconds(), budget.elapsedSeconds(), job.info)).build();
    }
    job.deadline = Deadline.of(budget, Duration.ZERO, settings.deadlineGrace()); // adapters stretch it to the service run
    try {
      SampleSet s = run(q, request, budget, job);
      return s.withInfo(new SolveInfo(name, budget.elapsedSeconds(), Double.NaN, job.info));
    } catch (StopSignal stop) {
      if (job.id != null) {
        try {
          cancel(job.id, Deadline.within(CLEANUP));
          job.info.put("remote_cancel", "requested");
        } catch (RuntimeException e) {
          job.info.put("remote_cancel", "failed: " + e.getMessage());
        }
      }
      if (stop.reason() == StopSignal.Reason.CANCELLED) {
        job.info.put("cancelled", true);
        return SampleSet.builder(q).info(new SolveInfo(name, budget.elapsedSeconds(), Double.NaN, job.info)).build();
      }
      throw new RemoteTimeoutException(ServiceErrorDetails.of(name, job.id), name + ": "
          + (job.id == null ? "no answer arrived" : "job " + job.id + " did not finish")
          + " within " + job.deadline.describe() + (job.id == null ? "" : "; it was cancelled ("
          + job.info.get("remote_cancel") + ")") + ". Maybe raise the time limit or deadline_grace.", null);
    }
  }

  /** Submits, waits and decodes; sets {@code job.id} as soon as the job exists. */
  protected abstract SampleSet run(Qubo q, SolveRequest request, Budget budget, Job job);

  /** Cancels (and cleans up) the remote job. */
  protected abstract void cancel(String jobId, Deadline deadline);
}
