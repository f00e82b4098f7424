package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.qprune.api.Qubo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.api.io.Problems;
import io.qprune.solvers.remote.testing.StubServer;
import io.qprune.solvers.remote.testing.Stubs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code qprune solve FILE --solver ADAPTER --param endpoint=...} against the simulated services:
 * each adapter returns the stub's answer (the exact optimum), re-scored; failures map to exit codes
 * and never show the token.
 */
@Timeout(60)
class RemoteSolveCliTest {
  static WireMockServer server;
  static final Path K12 = Path.of("../examples/k12.json");

  @BeforeAll
  static void start() {
    server = StubServer.start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static String[] solve(String adapter, String path, String... extra) {
    List<String> a = new ArrayList<>(List.of("solve", K12.toString(), "--solver", adapter, "--json",
        "--param", "endpoint=http://127.0.0.1:" + server.port() + path,
        "--param", "token_file=" + Stubs.tokenFile(), "--param", "poll_interval=0.01"));
    for (String x : extra) {
      a.add("--param");
      a.add(x);
    }
    return a.toArray(new String[0]);
  }

  @ParameterizedTest
  @CsvSource({"dwave-hybrid,/sapi/,poll_wait=1", "dwave-qpu,/sapi/,qubit_mapping=index", "fujitsu-da,/da,time_limit_sec=1",
      "bqm-http,/sample,max_retries=0"})
  void eachAdapterReturnsTheStubsAnswerRescored(String adapter, String path, String extra) throws Exception {
    Qubo q = Problems.read(K12, null, 1).qubo();
    double optimum = Solvers.discover().create("exact", Map.of()).solve(q, SolveRequest.seeded(1)).first().energy();
    Run r = run(solve(adapter, path, extra));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("solver").asText()).isEqualTo(adapter);
    assertThat(j.get("energy").asDouble()).isEqualTo(optimum);
    assertThat(r.out() + r.err()).doesNotContain(Stubs.TOKEN);
  }

  @Test
  void aRejectedTokenIsExit2WithoutTheToken() throws Exception {
    Path wrong = Files.createTempFile("wrong-token", ".conf");
    Files.writeString(wrong, "token = not-the-token-" + Stubs.TOKEN.hashCode());
    try {
      Run r = run("solve", K12.toString(), "--solver", "dwave-hybrid", "--param",
          "endpoint=http://127.0.0.1:" + server.port() + "/sapi/", "--param", "token_file=" + wrong, "--param", "max_retries=0");
      assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).contains("HTTP 401").contains(wrong.toString()).doesNotContain("not-the-token");
    } finally {
      Files.delete(wrong);
    }
  }

  @Test
  void aMissingTokenNamesTheVariable() {
    Run r = run("solve", K12.toString(), "--solver", "fujitsu-da", "--param", "token_env=QPRUNE_TEST_UNSET_VARIABLE");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("QPRUNE_TEST_UNSET_VARIABLE is not set");
  }

  @Test
  void solversRemoteDwaveListsTheServicesSolvers() {
    Run r = run("solvers", "--remote", "dwave", "--param", "endpoint=http://127.0.0.1:" + server.port() + "/sapi/",
        "--param", "token_file=" + Stubs.tokenFile());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("hybrid_binary_quadratic_model_version2").contains("dwave-hybrid")
        .contains("clique_32q_mock").contains("dwave-qpu");
  }
}
