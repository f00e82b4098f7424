package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.Budget;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.RemoteSettings;
import io.qprune.solvers.remote.internal.RemoteSolver;
import io.qprune.solvers.remote.internal.Rescore;
import io.qprune.solvers.remote.internal.SampleSetAnswer;
import io.qprune.solvers.remote.internal.Secret;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Leap hybrid BQM solvers: the model is written as a DIMODBQM file, uploaded in parts, submitted
 * by reference ({@code type: bqm}) and followed to its SampleSet answer, which is re-scored.
 */
final class DWaveHybridSolver extends RemoteSolver {
  private final Sapi sapi;
  private final Secret token;
  private final String solverName;
  private final Double timeLimit; // seconds, null: the solver's minimum
  private final int partSize;
  private final int pollWait;
  private volatile SolverDefinition definition;

  DWaveHybridSolver(RemoteSettings settings, Secret token, String solverName, Double timeLimit, int partSize,
      int pollWait) {
    super(DWaveHybridProvider.NAME, settings);
    this.sapi = new Sapi(settings, token, name);
    this.token = token;
    this.solverName = solverName;
    this.timeLimit = timeLimit;
    this.partSize = partSize;
    this.pollWait = pollWait;
  }

  private SolverDefinition definition(Deadline d) {
    SolverDefinition s = definition;
    if (s == null) {
      s = DWaveCommon.choose(sapi, solverName, x -> x.supports("bqm") && !x.isStructured(), "hybrid BQM",
          Comparator.comparing(SolverDefinition::name).reversed(), d);
      definition = s;
    }
    return s;
  }

  @Override
  protected SampleSet run(Qubo q, SolveRequest request, Budget budget, Job job) {
    SolverDefinition s = definition(job.deadline);
    int n = q.numVariables();
    if (n > s.maximumVariables()) {
      throw new InvalidInputException("The model has " + n + " variables; hybrid solver '" + s.name()
          + "' takes at most " + s.maximumVariables() + " (maximum_number_of_variables).");
    }
    ObjectNode params = settings.serviceParams().deepCopy();
    if (params.has("time_limit")) {
      throw new InvalidInputException("Give the hybrid time limit as the parameter time_limit, not inside"
          + " service_params (it is combined with the caller's time limit and the solver's minimum)");
    }
    DWaveCommon.checkServiceParams(params, s, name);
    double t = serviceTimeLimit(s, n, budget, job);
    if (t > 0) {
      params.put("time_limit", t);
    }
    job.deadline = Deadline.of(budget, Duration.ofNanos((long) (t * 1e9)), settings.deadlineGrace());
    job.info.put("solver_name", s.name());
    byte[] file = DimodBqmFile.write(q);
    String ref = new MultipartUpload(sapi).upload(file, partSize, job.deadline);
    job.info.put("problem_data_id", ref);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putObject("solver").put("name", s.name());
    ObjectNode data = body.putObject("data");
    data.put("format", "ref");
    data.put("data", ref);
    body.put("type", "bqm");
    body.set("params", params);
    JsonNode answer = new SapiJob(sapi, pollWait).run(body, false, job);
    if (!"bq".equals(answer.path("format").asText())) {
      throw sapi.errors().protocol(job.id, "the answer of problem " + job.id + " has format '"
          + answer.path("format").asText() + "'; expected 'bq' (a SampleSet)");
    }
    JsonNode ss = Json.field(answer, "data", sapi.errors(), job.id, "The bq answer");
    List<Rescore.Row> rows = SampleSetAnswer.rows(ss, q, sapi.errors(), job.id);
    job.info.put("service_info", SampleSetAnswer.info(ss));
    return Rescore.build(q, rows, settings.energyTolerance(), sapi.errors(), job.id, SolveInfo.empty());
  }

  /**
   * The solver's {@code time_limit}: the parameter, else the solver's minimum for this size;
   * capped at 80% of the caller's remaining time, but never below the minimum (nor above the maximum).
   */
  private double serviceTimeLimit(SolverDefinition s, int n, Budget budget, Job job) {
    double min = s.minimumTimeLimit(n);
    double t = timeLimit != null ? timeLimit : min;
    if (budget.hasTimeLimit()) {
      t = Math.min(t, 0.8 * budget.remainingNanos() / 1e9);
    }
    if (t < min) {
      job.info.put("time_limit_raised_to_minimum", min);
      t = min;
    }
    t = Math.min(t, s.maximumTimeLimit());
    job.info.put("time_limit_s", t);
    return t;
  }

  @Override
  protected void cancel(String jobId, Deadline deadline) {
    sapi.cancel(jobId, deadline);
  }

  @Override
  public String toString() {
    return "dwave-hybrid[endpoint=" + settings.endpoint() + ", solver=" + (solverName == null ? "auto" : solverName)
        + ", token=" + token + "]";
  }
}
