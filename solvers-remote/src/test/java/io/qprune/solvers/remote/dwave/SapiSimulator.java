package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.api.Vartype;
import io.qprune.api.io.SampleSetJson;
import io.qprune.solvers.remote.embedding.HardwareGraph;
import io.qprune.solvers.remote.embedding.Pegasus;
import io.qprune.solvers.remote.testing.DimodBqmReader;
import io.qprune.solvers.remote.testing.LocalAnswers;
import io.qprune.solvers.remote.testing.Stubs;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.InflaterInputStream;

/**
 * A small SAPI server as a WireMock transformer: solver definitions, multipart upload (checksums
 * verified, DIMODBQM parsed strictly), problem submission (qp decoded on the solver's graph, or a
 * ref to an upload), PENDING → IN_PROGRESS → COMPLETED by time (hybrid jobs run for their
 * {@code time_limit}, QPU jobs 50 ms), long polling, answers computed by the exact solver (by sa
 * with the job's {@code num_reads}, 20 when not given, on the Pegasus solvers), and cancellation. Its hybrid solver's minimum_time_limit is tiny so that tests stay fast.
 */
public final class SapiSimulator implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "sapi-simulator";
  static final String HYBRID = "hybrid_binary_quadratic_model_version2";
  static final String QPU = "clique_32q_mock";
  /** A Pegasus P4 QPU (288 qubits) with its topology in properties; it answers with sa. */
  static final String PEGASUS = "pegasus_p4_mock";
  /**
   * An Advantage-sized QPU: Pegasus P16 (5640 fabric qubits) less {@link #ADVANTAGE_MISSING_QUBITS}
   * qubits and {@link #ADVANTAGE_MISSING_COUPLERS} couplers (seeded), as a real chip's working graph
   * lacks a few; properties as SAPI serves them; it answers with sa.
   */
  static final String ADVANTAGE = "Advantage_sim_p16";
  static final int ADVANTAGE_MISSING_QUBITS = 13;
  static final int ADVANTAGE_MISSING_COUPLERS = 25;
  private static final ObjectMapper M = new ObjectMapper();
  private static final ObjectNode PEGASUS_DEF = pegasus(PEGASUS, 4, 0, 0, 0.9, "simulated Pegasus P4 QPU");
  private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
  private final Map<String, Qubo> combined = new ConcurrentHashMap<>();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** The Advantage-sized definition, built on first use (its graph takes a moment). */
  private static final class Advantage {
    static final ObjectNode DEF = pegasus(ADVANTAGE, 16, ADVANTAGE_MISSING_QUBITS, ADVANTAGE_MISSING_COUPLERS, 0.6,
        "simulated Advantage-sized QPU (Pegasus P16 less a few qubits and couplers)");
  }

  /** The definition of a QPU solver this simulator has, or null. */
  private static ObjectNode qpuDefinition(String name) {
    return name.equals(PEGASUS) ? PEGASUS_DEF : name.equals(QPU) ? qpu() : name.equals(ADVANTAGE) ? Advantage.DEF : null;
  }

  private static final class Job {
    String id;
    String label;
    String type;
    String solver;
    Qubo model;
    int[] active; // QPU: the active qubits, sorted; model variable i is active[i]
    int numReads; // QPU: the num_reads asked for (20 when not given)
    long startNanos;
    long dueNanos;
    String submittedOn;
    volatile boolean cancelled;
    volatile ObjectNode answer;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request r = event.getRequest();
    if (!Stubs.TOKEN.equals(r.getHeader("X-Auth-Token"))) {
      return json(401, "{\"error_code\":401,\"error_msg\":\"Invalid token or access denied\"}", null);
    }
    String path = r.getUrl().replaceFirst("^/sapi/", "").replaceFirst("\\?.*$", "");
    String m = r.getMethod().getName();
    try {
      if (m.equals("GET") && path.equals("solvers/remote/")) {
        return json(200, M.createArrayNode().add(hybrid()).add(qpu()).add(PEGASUS_DEF).add(Advantage.DEF).toString(),
            "solver-definition-list");
      }
      if (m.equals("GET") && path.startsWith("solvers/remote/")) {
        String name = path.substring("solvers/remote/".length());
        ObjectNode s = name.equals(HYBRID) ? hybrid() : qpuDefinition(name);
        return s == null ? json(404, "{\"error_code\":404,\"error_msg\":\"Solver not found\"}", null)
            : json(200, s.toString(), "solver-definition");
      }
      if (path.startsWith("bqm/multipart")) {
        return upload(m, path, r);
      }
      if (m.equals("POST") && path.equals("problems/")) {
        return submit(r);
      }
      if (m.equals("GET") && path.equals("problems/")) {
        return statuses(r);
      }
      if (path.matches("problems/[^/]+/")) {
        Job j = jobs.get(path.split("/")[1]);
        if (j == null) {
          return json(404, "{\"error_code\":404,\"error_msg\":\"Problem not found\"}", null);
        }
        if (m.equals("DELETE")) {
          if (done(j)) {
            return json(409, "{\"error_code\":409,\"error_msg\":\"Problem has already finished\"}", null);
          }
          j.cancelled = true;
          return json(200, status(j, false).toString(), "problem");
        }
        return json(200, status(j, true).toString(), "problem");
      }
    } catch (AssertionError | Exception e) {
      return json(400, M.createObjectNode().put("error_code", 400).put("error_msg", "simulator: " + e).toString(), null);
    }
    return json(404, "{\"error_code\":404,\"error_msg\":\"no such resource\"}", null);
  }

  private ResponseDefinition upload(String m, String path, Request r) throws Exception {
    String[] p = path.split("/");
    if (m.equals("POST") && p.length == 2) {
      String pid = "upload-" + ids.incrementAndGet();
      uploads.put(pid, new ConcurrentHashMap<>());
      return json(200, "{\"id\":\"" + pid + "\"}", null);
    }
    Map<Integer, byte[]> parts = uploads.get(p[2]);
    if (parts == null) {
      return json(404, "{\"error_code\":404,\"error_msg\":\"Upload not found\"}", null);
    }
    if (m.equals("PUT") && p[3].equals("part")) {
      byte[] body = r.getBody();
      String md5 = Base64.getEncoder().encodeToString(MultipartUpload.md5(body));
      if (!md5.equals(r.getHeader("Content-MD5"))) {
        return json(400, "{\"error_code\":400,\"error_msg\":\"Content-MD5 mismatch\"}", null);
      }
      parts.put(Integer.parseInt(p[4]), body);
      return json(200, "{}", null);
    }
    if (m.equals("GET") && p[3].equals("status")) {
      ArrayNode list = M.createArrayNode();
      new TreeMap<>(parts).forEach((k, v) -> list.addObject().put("part_number", k)
          .put("checksum", "\"" + HexFormat.of().formatHex(MultipartUpload.md5(v)) + "\""));
      ObjectNode st = M.createObjectNode().put("status", combined.containsKey(p[2]) ? "UPLOAD_COMPLETED" : "UPLOAD_IN_PROGRESS");
      st.set("parts", list);
      return json(200, st.toString(), null);
    }
    if (m.equals("POST") && p[3].equals("combine")) {
      Map<Integer, String> hex = new TreeMap<>();
      parts.forEach((k, v) -> hex.put(k, HexFormat.of().formatHex(MultipartUpload.md5(v))));
      if (!MultipartUpload.combined(hex).equals(M.readTree(r.getBody()).path("checksum").asText())) {
        return json(400, "{\"error_code\":400,\"error_msg\":\"combined checksum mismatch\"}", null);
      }
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      new TreeMap<>(parts).values().forEach(all::writeBytes);
      combined.put(p[2], DimodBqmReader.read(all.toByteArray()));
      return json(200, "{}", null);
    }
    return json(404, "{}", null);
  }

  private ResponseDefinition submit(Request r) throws Exception {
    byte[] body = r.getBody();
    if ("deflate".equals(r.getHeader("Content-Encoding"))) {
      body = new InflaterInputStream(new ByteArrayInputStream(body)).readAllBytes();
    }
    ArrayNode out = M.createArrayNode();
    for (JsonNode item : M.readTree(body)) {
      Job j = new Job();
      j.id = "sim-" + ids.incrementAndGet();
      j.label = item.path("label").asText(null);
      j.type = item.path("type").asText();
      j.solver = item.path("solver").path("name").asText();
      j.startNanos = System.nanoTime();
      j.submittedOn = Instant.now().toString();
      JsonNode data = item.path("data");
      if (j.type.equals("bqm")) {
        Qubo q = combined.get(data.path("data").asText());
        if (!data.path("format").asText().equals("ref") || q == null || !j.solver.equals(HYBRID)) {
          out.addObject().put("error_code", 400).put("error_msg", "bad bqm job: " + item);
          continue;
        }
        j.model = q;
        double t = item.path("params").path("time_limit").asDouble(0.05);
        j.dueNanos = j.startNanos + (long) (t * 1e9);
      } else {
        ObjectNode def = qpuDefinition(j.solver);
        if (def == null) {
          out.addObject().put("error_code", 400).put("error_msg", "no QPU solver '" + j.solver + "'");
          continue;
        }
        decodeQp(j, data, j.type.equals("qubo") ? Vartype.BINARY : Vartype.SPIN, def.path("properties"));
        j.numReads = item.path("params").path("num_reads").asInt(20);
        j.dueNanos = j.startNanos + 50_000_000L;
      }
      jobs.put(j.id, j);
      out.add(status(j, false));
    }
    return json(200, out.toString(), "problems");
  }

  private ResponseDefinition statuses(Request r) throws InterruptedException {
    String label = r.queryParameter("label").isPresent() ? r.queryParameter("label").firstValue() : null;
    ArrayNode out = M.createArrayNode();
    if (label != null) {
      jobs.values().stream().filter(j -> label.equals(j.label)).forEach(j -> out.add(status(j, false)));
      return json(200, out.toString(), "problems");
    }
    List<Job> asked = new ArrayList<>();
    for (String id : r.queryParameter("id").firstValue().split(",")) {
      Job j = jobs.get(id);
      if (j == null) {
        return json(404, "{\"error_code\":404,\"error_msg\":\"Problem not found\"}", null);
      }
      asked.add(j);
    }
    long wait = r.queryParameter("timeout").isPresent()
        ? (long) (Double.parseDouble(r.queryParameter("timeout").firstValue()) * 1e9) : 0;
    long until = System.nanoTime() + Math.min(wait, 1_000_000_000L); // long poll, held at most 1 s here
    while (System.nanoTime() < until && asked.stream().noneMatch(this::done)) {
      Thread.sleep(5);
    }
    asked.forEach(j -> out.add(status(j, j.active != null))); // QPU answers come inline
    return json(200, out.toString(), "problems");
  }

  private boolean done(Job j) {
    return j.cancelled || System.nanoTime() >= j.dueNanos;
  }

  private ObjectNode status(Job j, boolean withAnswer) {
    ObjectNode s = M.createObjectNode();
    s.put("id", j.id).put("type", j.type).put("label", j.label);
    s.putObject("solver").put("name", j.solver);
    String st = j.cancelled ? "CANCELLED" : done(j) ? "COMPLETED"
        : System.nanoTime() - j.startNanos < 20_000_000L ? "PENDING" : "IN_PROGRESS";
    s.put("status", st).put("submitted_on", j.submittedOn);
    if (st.equals("COMPLETED")) {
      s.put("solved_on", Instant.now().toString());
      if (withAnswer) {
        s.set("answer", answer(j));
      }
    } else {
      s.putNull("solved_on");
    }
    return s;
  }

  private synchronized ObjectNode answer(Job j) {
    if (j.answer == null) {
      SampleSet best = j.solver.equals(PEGASUS) || j.solver.equals(ADVANTAGE)
          ? Solvers.discover().create("sa", Map.of("num_reads", j.numReads, "num_sweeps", 1000, "num_threads", 1))
              .solve(j.model, SolveRequest.seeded(7))
          : LocalAnswers.solve(j.model);
      ObjectNode a = M.createObjectNode();
      if (j.active == null) {
        a.put("format", "bq");
        try {
          a.set("data", M.readTree(SampleSetJson.write(best)));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else {
        encodeQp(a, j, best);
      }
      j.answer = a;
    }
    return j.answer;
  }

  /**
   * Rebuilds the problem from qp data on the solver's graph: lin holds one value per listed qubit,
   * active qubits are those with a bias, quad one value per listed coupler with both ends active.
   */
  private static void decodeQp(Job j, JsonNode data, Vartype vt, JsonNode props) {
    ByteBuffer lin = ByteBuffer.wrap(Base64.getDecoder().decode(data.path("lin").asText())).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer quad = ByteBuffer.wrap(Base64.getDecoder().decode(data.path("quad").asText())).order(ByteOrder.LITTLE_ENDIAN);
    JsonNode qubitList = props.path("qubits");
    if (lin.remaining() / 8 != qubitList.size()) {
      throw new AssertionError("lin must hold one float64 per qubit of " + j.solver + " (" + qubitList.size()
          + "); got " + lin.remaining() / 8);
    }
    List<Integer> active = new ArrayList<>();
    Map<Integer, Double> h = new java.util.HashMap<>();
    for (JsonNode qn : qubitList) {
      double x = lin.getDouble();
      if (!Double.isNaN(x)) {
        active.add(qn.asInt());
        h.put(qn.asInt(), x);
      }
    }
    active.sort(null);
    j.active = active.stream().mapToInt(Integer::intValue).toArray();
    QuboBuilder b = Qubo.builder(vt, j.active.length).labels(active);
    for (int i = 0; i < j.active.length; i++) {
      b.addLinear(i, h.get(j.active[i]));
    }
    for (JsonNode c : props.path("couplers")) {
      int iu = Arrays.binarySearch(j.active, c.get(0).asInt());
      int iv = Arrays.binarySearch(j.active, c.get(1).asInt());
      if (iu >= 0 && iv >= 0) {
        if (!quad.hasRemaining()) {
          throw new AssertionError("quad holds fewer couplers than the active qubits have");
        }
        b.addQuadratic(iu, iv, quad.getDouble());
      }
    }
    if (quad.hasRemaining()) {
      throw new AssertionError("quad holds more couplers than the active qubits have");
    }
    b.addOffset(data.path("offset").asDouble(0));
    j.model = b.build();
  }

  private static void encodeQp(ObjectNode a, Job j, SampleSet s) {
    int rows = s.size();
    int n = j.active.length;
    ByteBuffer e = ByteBuffer.allocate(8 * rows).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer c = ByteBuffer.allocate(4 * rows).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer act = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
    int per = (n + 7) / 8;
    byte[] sol = new byte[rows * per];
    for (int r = 0; r < rows; r++) {
      e.putDouble(s.energy(r) - j.model.offset()); // qp energies exclude the offset
      c.putInt((int) s.count(r));
      for (int i = 0; i < n; i++) {
        if (s.bit(r, i)) {
          sol[r * per + i / 8] |= (byte) (0x80 >>> (i % 8));
        }
      }
    }
    for (int q : j.active) {
      act.putInt(q);
    }
    Base64.Encoder b64 = Base64.getEncoder();
    int numVariables = qpuDefinition(j.solver).path("properties").path("num_qubits").asInt();
    a.put("format", "qp").put("num_variables", numVariables).put("energies", b64.encodeToString(e.array()))
        .put("num_occurrences", b64.encodeToString(c.array())).put("active_variables", b64.encodeToString(act.array()))
        .put("solutions", b64.encodeToString(sol));
    a.putObject("timing").put("qpu_access_time", 15000).put("qpu_sampling_time", 10000);
  }

  private static ObjectNode hybrid() {
    ObjectNode s = M.createObjectNode();
    s.putObject("identity").put("name", HYBRID);
    s.put("status", "ONLINE").put("description", "simulated hybrid BQM solver").put("avg_load", 0.1);
    ObjectNode p = s.putObject("properties");
    p.put("category", "hybrid").put("maximum_number_of_variables", 1000).put("maximum_time_limit_hrs", 1.0);
    p.putArray("supported_problem_types").add("bqm");
    p.putArray("minimum_time_limit").add(M.createArrayNode().add(1).add(0.05)).add(M.createArrayNode().add(1024).add(0.1));
    p.putObject("parameters").put("time_limit", "Maximum requested runtime in seconds.");
    return s;
  }

  private static ObjectNode qpu() {
    ObjectNode s = M.createObjectNode();
    s.putObject("identity").put("name", QPU).putObject("version").put("graph_id", "clique_32");
    s.put("status", "ONLINE").put("description", "simulated 32-qubit clique QPU").put("avg_load", 0.2);
    ObjectNode p = s.putObject("properties");
    p.put("category", "qpu").put("num_qubits", 32);
    p.putArray("supported_problem_types").add("qubo").add("ising");
    ArrayNode qubits = p.putArray("qubits");
    ArrayNode couplers = p.putArray("couplers");
    for (int u = 0; u < 32; u++) {
      qubits.add(u);
      for (int v = u + 1; v < 32; v++) {
        couplers.add(M.createArrayNode().add(u).add(v));
      }
    }
    p.putArray("num_reads_range").add(1).add(10000);
    p.putObject("parameters").put("num_reads", "Number of samples to return.").put("label", "Problem label.");
    return s;
  }

  /** A Pegasus P(m) QPU less {@code missingQubits} qubits and {@code missingCouplers} couplers (seeded). */
  private static ObjectNode pegasus(String name, int m, int missingQubits, int missingCouplers, double load,
      String description) {
    ObjectNode s = M.createObjectNode();
    s.putObject("identity").put("name", name).putObject("version").put("graph_id", "pegasus_" + m
        + (missingQubits + missingCouplers > 0 ? "_sim_yield" : ""));
    s.put("status", "ONLINE").put("description", description).put("avg_load", load);
    ObjectNode p = s.putObject("properties");
    HardwareGraph g = Pegasus.of(m).graph();
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261202L + m);
    java.util.Set<Integer> gone = new java.util.TreeSet<>();
    while (gone.size() < missingQubits) {
      gone.add(g.qubit(r.nextInt(g.size())));
    }
    g = g.without(gone);
    List<int[]> couplerList = new ArrayList<>(g.couplers());
    for (int i = 0; i < missingCouplers; i++) {
      couplerList.remove(r.nextInt(couplerList.size()));
    }
    p.put("category", "qpu").put("num_qubits", Pegasus.of(m).indexSpace()).put("chip_id", name);
    p.putArray("supported_problem_types").add("qubo").add("ising");
    ArrayNode qubits = p.putArray("qubits");
    for (int i = 0; i < g.size(); i++) {
      qubits.add(g.qubit(i));
    }
    ArrayNode couplers = p.putArray("couplers");
    for (int[] c : couplerList) {
      couplers.add(M.createArrayNode().add(c[0]).add(c[1]));
    }
    p.putObject("topology").put("type", "pegasus").putArray("shape").add(m);
    p.putArray("h_range").add(-4.0).add(4.0);
    p.putArray("j_range").add(-1.0).add(1.0);
    p.putArray("extended_j_range").add(-2.0).add(1.0);
    p.putArray("num_reads_range").add(1).add(10000);
    p.putObject("parameters").put("num_reads", "Number of samples to return.").put("label", "Problem label.");
    return s;
  }

  private static ResponseDefinition json(int status, String body, String kind) {
    ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(status).withBody(body)
        .withHeader("Content-Type", kind == null ? "application/json"
            : "application/vnd.dwave.sapi." + kind + "+json; version=3.0.0");
    return b.build();
  }
}
