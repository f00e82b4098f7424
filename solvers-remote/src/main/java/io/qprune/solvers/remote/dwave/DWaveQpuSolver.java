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
import io.qprune.solvers.remote.embedding.EmbeddedProblem;
import io.qprune.solvers.remote.embedding.Embedder;
import io.qprune.solvers.remote.embedding.Embedding;
import io.qprune.solvers.remote.embedding.EmbeddingCache;
import io.qprune.solvers.remote.embedding.ExactKRepair;
import io.qprune.solvers.remote.embedding.HardwareGraph;
import io.qprune.solvers.remote.embedding.Lattice;
import io.qprune.solvers.remote.internal.Rescore;
import io.qprune.api.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * D-Wave QPU solvers: a model that sits on the working graph as it is (variables are qubits, each
 * interaction a coupler) goes as it is; any other is minor-embedded on the working graph read from
 * {@code properties} (qubits, couplers, topology) and sent as its physical SPIN model, scaled into
 * {@code h_range}/{@code j_range}; the answer is unembedded by majority vote (chain-break fractions
 * in info). Either way it is encoded as {@code qp}, submitted (deflate-compressed), the {@code qp}
 * answer decoded, repaired to exact k when a cardinality was asked, and re-scored.
 */
final class DWaveQpuSolver extends RemoteSolver {
  private final Sapi sapi;
  private final Secret token;
  private final String solverName;
  private final boolean byLabel;
  private final boolean compress;
  private final int pollWait;
  private final String embedding;
  private final double densityThreshold;
  private final double chainStrength;
  private final int embeddingPasses;
  private final boolean reuseEmbedding;
  private final EmbeddingCache cache = new EmbeddingCache();
  private volatile SolverDefinition definition;
  private volatile HardwareGraph graph;

  DWaveQpuSolver(RemoteSettings settings, Secret token, String solverName, boolean byLabel, boolean compress,
      int pollWait, String embedding, double densityThreshold, double chainStrength, int embeddingPasses,
      boolean reuseEmbedding) {
    super(DWaveQpuProvider.NAME, settings);
    this.sapi = new Sapi(settings, token, name);
    this.token = token;
    this.solverName = solverName;
    this.byLabel = byLabel;
    this.compress = compress;
    this.pollWait = pollWait;
    this.embedding = embedding;
    this.densityThreshold = densityThreshold;
    this.chainStrength = chainStrength;
    this.embeddingPasses = embeddingPasses;
    this.reuseEmbedding = reuseEmbedding;
  }

  /** The working graph of solver s, with its lattice when {@code properties.topology} names one. */
  private HardwareGraph graph(SolverDefinition s) {
    HardwareGraph g = graph;
    if (g == null) {
      JsonNode t = s.properties().path("topology");
      int[] shape = new int[t.path("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = t.path("shape").get(i).asInt();
      }
      g = HardwareGraph.of(s.qubits(), s.couplers(), Lattice.of(t.path("type").asText(""), shape));
      graph = g;
    }
    return g;
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
      throw new InvalidInputException("QPU solver '" + s.name() + "' does not take '" + type
          + "' problems; maybe convert the model (toBinary/toSpin) or use dwave-hybrid.");
    }
    String misfit = QpEncoding.misfit(q, s, byLabel);
    if (misfit != null && embedding.equals("none")) {
      throw new InvalidInputException(misfit);
    }
    if (misfit == null) {
      var rows = submit(q, QpEncoding.place(q, s, byLabel), type, s, job);
      if (request.cardinality() != null) {
        rows = rows.stream().map(r -> repaired(q, r, request)).toList();
      }
      return Rescore.build(q, rows, settings.energyTolerance(), sapi.errors(), job.id, SolveInfo.empty());
    }
    if (!s.supports("ising")) {
      throw new InvalidInputException("QPU solver '" + s.name() + "' does not take 'ising' problems, which an"
          + " embedded model is sent as; use dwave-hybrid.");
    }
    long t0 = System.nanoTime();
    HardwareGraph g = graph(s);
    Embedder.Options o = new Embedder.Options(embedding, densityThreshold, request.seed(), embeddingPasses);
    EmbeddingCache.Lookup found = reuseEmbedding ? cache.embed(q, g, o)
        : new EmbeddingCache.Lookup(Embedder.embed(q, g, o), false);
    Embedding e = found.embedding();
    job.info.put("embedding_method", e.method());
    job.info.put("embedding_seconds", (System.nanoTime() - t0) / 1e9);
    job.info.put("embedding_reused", found.reused());
    job.info.put("topology", g.lattice() == null ? "unknown" : g.lattice().name());
    job.info.put("working_qubits", g.size());
    job.info.put("physical_qubits", e.numQubits());
    job.info.put("chain_length_mean", e.meanChainLength());
    job.info.put("chain_length_max", e.maxChainLength());
    EmbeddedProblem ep = EmbeddedProblem.of(q, e, g, chainStrength == 0 ? Double.NaN : chainStrength,
        s.range("h_range"), s.range("j_range"));
    Qubo phys = ep.physical();
    job.info.put("chain_strength", ep.chainStrength());
    job.info.put("auto_scale", ep.scale());
    var physRows = submit(phys, QpEncoding.place(phys, s, true), "ising", s, job);
    SplittableRandom coin = new SplittableRandom(request.seed() ^ 0x9E3779B97F4A7C15L);
    double[] breaks = new double[physRows.size()];
    List<Rescore.Row> rows = new ArrayList<>(physRows.size());
    for (int r = 0; r < breaks.length; r++) {
      EmbeddedProblem.Unembedded u = ep.unembed(physRows.get(r).values(), coin, request.cardinality());
      breaks[r] = u.chainBreakFraction();
      rows.add(new Rescore.Row(u.values(), q.energy(u.values()), physRows.get(r).count()));
    }
    job.info.put("chain_break_fraction", breaks);
    job.info.put("chain_break_fraction_mean", Arrays.stream(breaks).average().orElse(0));
    return Rescore.build(q, rows, settings.energyTolerance(), sapi.errors(), job.id, SolveInfo.empty());
  }

  /** A row of q's values repaired to the request's cardinality, re-scored on q. */
  private static Rescore.Row repaired(Qubo q, Rescore.Row row, SolveRequest request) {
    int[] values = row.values();
    boolean[] set = new boolean[values.length];
    for (int i = 0; i < set.length; i++) {
      set[i] = values[i] == 1;
    }
    ExactKRepair.repair(q.toBinary(), set, request.cardinality());
    int[] x = new int[set.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = q.vartype().value(set[i]);
    }
    return new Rescore.Row(x, q.energy(x), row.count());
  }

  /** Encodes m (placed on the working graph) as qp, runs the job and decodes its rows. */
  private List<Rescore.Row> submit(Qubo m, QpEncoding placed, String type, SolverDefinition s, Job job) {
    ObjectNode params = settings.serviceParams().deepCopy();
    DWaveCommon.checkServiceParams(params, s, name);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode solver = body.putObject("solver");
    solver.put("name", s.name());
    if (s.graphId() != null) {
      solver.putObject("version").put("graph_id", s.graphId());
    }
    body.set("data", placed.encode(m, s));
    body.put("type", type);
    body.set("params", params);
    job.info.put("solver_name", s.name());
    JsonNode answer = new SapiJob(sapi, pollWait).run(body, compress, job);
    var rows = QpAnswer.rows(answer, m, placed, sapi.errors(), job.id);
    if (answer.has("timing")) {
      job.info.put("timing_us", Json.MAPPER.convertValue(answer.get("timing"), java.util.Map.class));
    }
    return rows;
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
