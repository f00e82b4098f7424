package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.Budget;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Vartype;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.RemoteSettings;
import io.qprune.solvers.remote.internal.RemoteSolver;
import io.qprune.solvers.remote.internal.Secret;
import java.time.Duration;
import java.util.Comparator;

/**
 * D-Wave QPU solvers: the model must sit on the working graph as it is (variables are qubits, each
 * interaction a coupler); it is encoded as {@code qp}, submitted (deflate-compressed) and the
 * {@code qp} answer is decoded and re-scored.
 */
final class DWaveQpuSolver extends RemoteSolver {
  private final Sapi sapi;
  private final Secret token;
  private final String solverName;
  private final boolean byLabel;
  private final boolean compress;
  private final int pollWait;
  private volatile SolverDefinition definition;

  DWaveQpuSolver(RemoteSettings settings, Secret token, String solverName, boolean byLabel, boolean compress,
      int pollWait) {
    super(DWaveQpuProvider.NAME, settings);
    this.sapi = new Sapi(settings, token, name);
    this.token = token;
    this.solverName = solverName;
    this.byLabel = byLabel;
    this.compress = compress;
    this.pollWait = pollWait;
  }

  private SolverDefinition definition(Deadline d) {
    SolverDefinition s = definition;
    if (s == null) {
      Comparator<SolverDefinition> load = Comparator.comparing(x -> x.avgLoad() == null ? 1.0 : x.avgLoad());
      s = DWaveCommon.choose(sapi, solverName, SolverDefinition::isStructured, "QPU", load, d);
      definition = s;
    }
    return s;
  }

  @Override
  protected SampleSet run(Qubo q, SolveRequest request, Budget budget, Job job) {
    job.deadline = Deadline.of(budget, Duration.ZERO, settings.deadlineGrace());
    SolverDefinition s = definition(job.deadline);
    String type = q.vartype() == Vartype.BINARY ? "qubo" : "ising";
    if (!s.supports(type)) {
      throw new io.qprune.api.InvalidInputException("QPU solver '" + s.name() + "' does not take '" + type
          + "' problems; maybe convert the model (toBinary/toSpin) or use dwave-hybrid.");
    }
    QpEncoding placed = QpEncoding.place(q, s, byLabel);
    ObjectNode params = settings.serviceParams().deepCopy();
    DWaveCommon.checkServiceParams(params, s, name);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode solver = body.putObject("solver");
    solver.put("name", s.name());
    if (s.graphId() != null) {
      solver.putObject("version").put("graph_id", s.graphId());
    }
    body.set("data", placed.encode(q, s));
    body.put("type", type);
    body.set("params", params);
    job.info.put("solver_name", s.name());
    JsonNode answer = new SapiJob(sapi, pollWait).run(body, compress, job);
    var rows = QpAnswer.rows(answer, q, placed, sapi.errors(), job.id);
    if (answer.has("timing")) {
      job.info.put("timing_us", Json.MAPPER.convertValue(answer.get("timing"), java.util.Map.class));
    }
    return io.qprune.solvers.remote.internal.Rescore.build(q, rows, settings.energyTolerance(), sapi.errors(),
        job.id, SolveInfo.empty());
  }

  @Override
  protected void cancel(String jobId, Deadline deadline) {
    sapi.cancel(jobId, deadline);
  }

  @Override
  public String toString() {
    return "dwave-qpu[endpoint=" + settings.endpoint() + ", solver=" + (solverName == null ? "auto" : solverName)
        + ", token=" + token + "]";
  }
}
