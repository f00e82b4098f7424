package io.qprune.solvers.remote.dwave;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.qprune.solvers.remote.testing.Stubs.sapi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.api.Vartype;
import io.qprune.solvers.remote.RemoteProtocolException;
import io.qprune.solvers.remote.testing.Fixtures;
import io.qprune.solvers.remote.testing.Stubs;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** dwave-qpu against a stub serving the clique_5q_mock solver and SAPI's verbatim qp answer. */
@WireMockTest
@Timeout(20)
class DWaveQpuWireTest {
  static final ObjectMapper M = new ObjectMapper();

  /** The QUBO {(0,0):4, (0,4):-4, (4,4):4}, offset -2, of the wire-format notes. */
  static Qubo noteQubo() {
    return Qubo.builder(2).labels(List.of(0, 4)).addLinear(0, 4).addLinear(1, 4).addQuadratic(0, 1, -4)
        .addOffset(-2).build();
  }

  /** Ising h_i = 1, J_ij = -1 on the 5-clique: all spins -1 give E = -15, as the [V] answer says. */
  static Qubo cliqueIsing() {
    QuboBuilder b = Qubo.builder(Vartype.SPIN, 5);
    for (int i = 0; i < 5; i++) {
      b.addLinear(i, 1);
      for (int j = i + 1; j < 5; j++) {
        b.addQuadratic(i, j, -1);
      }
    }
    return b.build();
  }

  static String status(String status, String type, String answer) {
    return "{\"status\":\"" + status + "\",\"solved_on\":" + (answer == null ? "null" : "\"2026-06-11T10:00:00.100Z\"")
        + ",\"solver\":{\"name\":\"clique_5q_mock\",\"version\":{\"graph_id\":\"clique_5\"}},"
        + "\"submitted_on\":\"2026-06-11T10:00:00.000Z\"" + (answer == null ? "" : ",\"answer\":" + answer)
        + ",\"type\":\"" + type + "\",\"id\":\"qpu-1\",\"label\":\"x\"}";
  }

  static Map<String, Object> params(WireMockRuntimeInfo wm) {
    Map<String, Object> p = Stubs.fast(wm.getHttpBaseUrl() + "/sapi/");
    p.put("solver", "clique_5q_mock");
    p.put("poll_wait", 0);
    p.put("service_params", "{\"num_reads\": 100}");
    return p;
  }

  static JsonNode postedJobs() throws Exception {
    var posts = findAll(postRequestedFor(urlPathEqualTo("/sapi/problems/")));
    assertThat(posts).isNotEmpty();
    assertThat(posts.get(0).getHeader("Content-Encoding")).isEqualTo("deflate");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(posts.get(0).getBody()))) {
      in.transferTo(out);
    }
    return M.readTree(out.toByteArray());
  }

  @Test
  void encodesTheNotesExampleExactly() throws Exception {
    SolverDefinition s = SolverDefinition.of(M.readTree(Fixtures.text("sapi/clique5-solver.json")));
    ObjectNode data = QpEncoding.place(noteQubo(), s, true).encode(noteQubo(), s);
    assertThat(data.toString()).isEqualTo("{\"format\":\"qp\",\"lin\":\"AAAAAAAAEEAAAAAAAAD4fwAAAAAAAPh/AAAAAAAA+H8AAAAAAAAQQA==\","
        + "\"quad\":\"AAAAAAAAEMA=\",\"offset\":-2.0}");
  }

  @Test
  void submitsCompressedQpPollsAndDecodesTheVerbatimAnswer(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(sapi("solver-definition", Fixtures.text("sapi/clique5-solver.json"))));
    stubFor(post("/sapi/problems/").withHeader("Content-Encoding", equalTo("deflate"))
        .willReturn(sapi("problems", "[" + status("PENDING", "ising", null) + "]")));
    stubFor(get(urlEqualTo("/sapi/problems/?id=qpu-1")).willReturn(sapi("problems",
        "[" + status("COMPLETED", "ising", Fixtures.text("sapi/qp-answer.json")) + "]")));

    SampleSet s = Solvers.discover().create("dwave-qpu", params(wm)).solve(cliqueIsing(), SolveRequest.seeded(1));

    assertThat(s.size()).isEqualTo(1);
    assertThat(s.first().values()).containsExactly(-1, -1, -1, -1, -1);
    assertThat(s.first().energy()).isEqualTo(-15.0);
    assertThat(s.first().count()).isEqualTo(100);
    assertThat(s.info().properties()).containsEntry("problem_id", "qpu-1").containsEntry("solver_name", "clique_5q_mock");
    JsonNode job = postedJobs().get(0);
    assertThat(job.get("solver").toString()).isEqualTo("{\"name\":\"clique_5q_mock\",\"version\":{\"graph_id\":\"clique_5\"}}");
    assertThat(job.get("type").asText()).isEqualTo("ising");
    assertThat(job.get("params").toString()).isEqualTo("{\"num_reads\":100}");
  }

  @Test
  void anAnswerForOtherQubitsIsRejectedAndTheBodyIsTheNotesExample(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(sapi("solver-definition", Fixtures.text("sapi/clique5-solver.json"))));
    stubFor(post("/sapi/problems/").willReturn(sapi("problems",
        "[" + status("COMPLETED", "qubo", Fixtures.text("sapi/qp-answer.json")) + "]")));

    assertThatThrownBy(() -> Solvers.discover().create("dwave-qpu", params(wm)).solve(noteQubo(), SolveRequest.seeded(1)))
        .isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("active qubits [0, 1, 2, 3, 4]").hasMessageContaining("used qubits [0, 4]")
        .hasMessageContaining("another problem");
    JsonNode job = postedJobs().get(0);
    ((ObjectNode) job).remove("label");
    assertThat(job).isEqualTo(M.readTree("{\"solver\":{\"name\":\"clique_5q_mock\",\"version\":{\"graph_id\":\"clique_5\"}},"
        + "\"data\":{\"format\":\"qp\",\"lin\":\"AAAAAAAAEEAAAAAAAAD4fwAAAAAAAPh/AAAAAAAA+H8AAAAAAAAQQA==\",\"quad\":\"AAAAAAAAEMA=\",\"offset\":-2.0},"
        + "\"type\":\"qubo\",\"params\":{\"num_reads\":100}}"));
  }

  @Test
  void aModelOffTheWorkingGraphIsRefusedBeforeSubmission(WireMockRuntimeInfo wm) {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(sapi("solver-definition", Fixtures.text("sapi/clique5-solver.json"))));
    Qubo tooBig = Qubo.builder(6).addQuadratic(0, 5, 1).build();
    Map<String, Object> direct = params(wm);
    direct.put("embedding", "none");
    assertThatThrownBy(() -> Solvers.discover().create("dwave-qpu", direct).solve(tooBig, SolveRequest.seeded(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("qubit 5")
        .hasMessageContaining("not a working qubit").hasMessageContaining("embedding=auto")
        .hasMessageContaining("dwave-hybrid");
    assertThatThrownBy(() -> Solvers.discover().create("dwave-qpu", params(wm)).solve(tooBig, SolveRequest.seeded(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("No minor-embedding of 6 variables");
    Qubo labelled = Qubo.builder(2).labels(List.of("x", "y")).build();
    assertThatThrownBy(() -> Solvers.discover().create("dwave-qpu", direct).solve(labelled, SolveRequest.seeded(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("qubit_mapping=index");
    Map<String, Object> p = params(wm);
    p.put("service_params", "{\"num_reads\": 20000}");
    assertThatThrownBy(() -> Solvers.discover().create("dwave-qpu", p).solve(cliqueIsing(), SolveRequest.seeded(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("num_reads").hasMessageContaining("20000")
        .hasMessageContaining("[1, 10000]");
    p.put("service_params", "{\"num_read\": 20}");
    assertThatThrownBy(() -> Solvers.discover().create("dwave-qpu", p).solve(cliqueIsing(), SolveRequest.seeded(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Maybe 'num_reads'");
    assertThat(findAll(postRequestedFor(urlPathEqualTo("/sapi/problems/")))).isEmpty();
  }
}
