package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.qprune.solvers.remote.testing.RawHttpServer;
import io.qprune.solvers.remote.testing.StubServer;
import io.qprune.solvers.remote.testing.Stubs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code qprune prune --scores} through a remote adapter (the simulated BQM-over-HTTP sampler). */
@Timeout(120)
class RemotePruneCliTest {
  static WireMockServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server = StubServer.start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** Twelve units in three layers. */
  Path scores() throws Exception {
    StringBuilder units = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      units.append(i == 0 ? "" : ",").append("{\"id\": \"u").append(i).append("\", \"layer\": \"L")
          .append(i / 4).append("\", \"taylor\": ").append(0.1 + (i * 7 % 12) / 12.0)
          .append(", \"fisher\": ").append(0.05 + (i * 5 % 12) / 12.0).append('}');
    }
    Path scores = dir.resolve("s.json");
    Files.writeString(scores, "{\"units\": [" + units + "]}");
    return scores;
  }

  @Test
  void theCapacitySearchDrivesARemoteSolverToExactlyK() throws Exception {
    Path scores = scores();
    Path out = dir.resolve("out");
    CliRun r = CliRun.main("prune", "--scores", scores.toString(), "--sparsity", "0.5", "--beta", "0",
        "--solver", "bqm-http", "--param", "endpoint=http://127.0.0.1:" + server.port() + "/sample",
        "--param", "token_file=" + Stubs.tokenFile(), "--param", "max_retries=0", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/selection/kept_units").asInt()).isEqualTo(6);
    assertThat(rep.at("/selection/exact_k").asText()).isEqualTo("search");
    assertThat(rep.at("/selection/steps").size()).isGreaterThan(0);
  }

  /**
   * Against a sampler that closes every connection (HTTP/1.0, as Python's http.server; issue 16):
   * the capacity search's many calls all go through, and the mask is the one the exact solver
   * gives locally and the sampler gives through keep-alive WireMock.
   */
  @Test
  void aPruningRunThroughAClosingSamplerGivesTheExactMask() throws Exception {
    // units 6 and 7 tie at the boundary of the 7 kept: the bisection never hits k and runs all its steps
    StringBuilder units = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      double fisher = 0.05 + (i == 6 || i == 7 ? 6.5 : i) / 14.0;
      units.append(i == 0 ? "" : ",").append("{\"id\": \"u").append(i).append("\", \"layer\": \"L")
          .append(i / 4).append("\", \"taylor\": ").append(0.1 + (i * 7 % 14) / 14.0)
          .append(", \"fisher\": ").append(fisher).append('}');
    }
    Path scores = dir.resolve("s.json");
    Files.writeString(scores, "{\"units\": [" + units + "]}");
    try (RawHttpServer closing = RawHttpServer.start(RawHttpServer.forwardTo(server.baseUrl()),
        RawHttpServer.Mode.HTTP_1_0, 0)) {
      JsonNode viaClosing = prune(scores, "closing", "--solver", "bqm-http", "--param", "endpoint=" + closing.base() + "/sample",
          "--param", "token_file=" + Stubs.tokenFile(), "--param", "max_retries=0");
      assertThat(closing.requests()).as("solver calls").isGreaterThanOrEqualTo(20);
      assertThat(closing.connections()).isEqualTo(closing.requests());
      JsonNode viaWireMock = prune(scores, "wiremock", "--solver", "bqm-http", "--param",
          "endpoint=" + server.baseUrl() + "/sample", "--param", "token_file=" + Stubs.tokenFile());
      JsonNode exact = prune(scores, "exact", "--solver", "exact");
      assertThat(viaClosing.get("kept")).isEqualTo(exact.get("kept")).isEqualTo(viaWireMock.get("kept"));
      assertThat(viaClosing.get("kept_units").asInt()).isEqualTo(7);
    }
  }

  private JsonNode prune(Path scores, String name, String... solver) throws Exception {
    Path out = dir.resolve(name);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("prune", "--scores", scores.toString(),
        "--sparsity", "0.5", "--beta", "0", "--out", out.toString()));
    args.addAll(java.util.List.of(solver));
    CliRun r = CliRun.main(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(Files.readString(out.resolve("mask.json")));
  }

  @Test
  void dwaveQpuEmbedsThePruningQuboOnTheSimulatedPegasusAndKeepsExactlyK() throws Exception {
    Path out = dir.resolve("qpu");
    CliRun r = CliRun.main("prune", "--scores", scores().toString(), "--sparsity", "0.5", "--beta", "0",
        "--solver", "dwave-qpu", "--param", "endpoint=http://127.0.0.1:" + server.port() + "/sapi/",
        "--param", "solver=pegasus_p4_mock", "--param", "poll_wait=1",
        "--param", "token_file=" + Stubs.tokenFile(), "--param", "max_retries=0", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/selection/kept_units").asInt()).isEqualTo(6);
    assertThat(rep.at("/selection/embedding/topology").asText()).isEqualTo("pegasus(4)");
    assertThat(r.out()).contains("embedding: ");
    CliRun refused = CliRun.main("prune", "--scores", scores().toString(), "--sparsity", "0.5", "--beta", "0",
        "--solver", "dwave-qpu", "--param", "endpoint=http://127.0.0.1:" + server.port() + "/sapi/",
        "--param", "solver=pegasus_p4_mock", "--param", "embedding=none",
        "--param", "token_file=" + Stubs.tokenFile(), "--param", "max_retries=0", "--out", dir.resolve("no").toString());
    assertThat(refused.code()).isEqualTo(2); // the units' labels are no qubits: only the embedding made it fit
    assertThat(refused.err()).contains("does not fit the working graph");
  }

  /**
   * The shipped model's pruning QUBO (its scores as {@code qprune prune --set evaluate=false} wrote
   * them: 192 units in 12 layers) through dwave-qpu on the simulator's Advantage-sized Pegasus P16
   * with its missing qubits: the capacity search's calls reuse one embedding, 123 of 192 units are
   * kept at 36 %, and the chain breaks and chains are in report.json and the printed summary.
   */
  @Test
  void dwaveQpuPrunesTheShippedModelsQuboOnTheAdvantageSizedSimulatorAtExactK() throws Exception {
    Path scores = dir.resolve("shipped-scores.json");
    try (var in = getClass().getResourceAsStream("/issue18/shipped-model-scores.json")) {
      Files.copy(in, scores);
    }
    Path out = dir.resolve("p16");
    CliRun r = CliRun.main("prune", "--scores", scores.toString(), "--sparsity", "0.36",
        "--solver", "dwave-qpu", "--param", "endpoint=http://127.0.0.1:" + server.port() + "/sapi/",
        "--param", "solver=Advantage_sim_p16", "--param", "poll_wait=1", "--param", "service_params={\"num_reads\": 2}",
        "--param", "token_file=" + Stubs.tokenFile(), "--param", "max_retries=0", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/selection/kept_units").asInt()).isEqualTo(123);
    assertThat(rep.at("/selection/units").asInt()).isEqualTo(192);
    JsonNode mask = new ObjectMapper().readTree(Files.readString(out.resolve("mask.json")));
    int kept = 0;
    for (JsonNode b : mask.get("kept")) {
      kept += b.asInt();
    }
    assertThat(kept).isEqualTo(123);
    JsonNode e = rep.at("/selection/embedding");
    assertThat(e.path("topology").asText()).isEqualTo("pegasus(16)");
    assertThat(e.path("method").asText()).isEqualTo("clique+heuristic"); // 192 units > the clique's 172 chains
    assertThat(e.path("physical_qubits").asInt()).isGreaterThan(192);
    assertThat(e.path("chain_length_max").asInt()).isGreaterThanOrEqualTo(e.path("chain_length_mean").asInt());
    assertThat(e.path("chain_strength").asDouble()).isPositive();
    int calls = rep.at("/selection/steps").size();
    assertThat(e.path("solver_calls").asInt()).isEqualTo(calls).isGreaterThan(1);
    assertThat(e.path("embeddings_reused").asInt()).isEqualTo(calls - 1);
    assertThat(e.path("chain_break_fraction_mean").asDouble()).isBetween(0.0, 1.0);
    for (JsonNode st : rep.at("/selection/steps")) {
      assertThat(st.path("chain_break_fraction").asDouble(-1)).isBetween(0.0, 1.0);
    }
    assertThat(r.out()).contains("kept 123 of 192 units").contains("embedding: clique+heuristic on pegasus(16)")
        .contains("chain-break fraction");
  }

  @Test
  void qpuSimPutsItsEmbeddingIntoTheReportToo() throws Exception {
    Path out = dir.resolve("sim");
    CliRun r = CliRun.main("prune", "--scores", scores().toString(), "--sparsity", "0.5", "--beta", "0",
        "--solver", "qpu-sim", "--param", "size=6", "--param", "num_reads=2", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rep = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/selection/kept_units").asInt()).isEqualTo(6);
    assertThat(rep.at("/selection/embedding/topology").asText()).isEqualTo("pegasus(6)");
    assertThat(rep.at("/selection/embedding/chain_break_fraction_last").isNumber()).isTrue();
    assertThat(r.out()).contains("embedding: ").contains("on pegasus(6)");
  }
}
