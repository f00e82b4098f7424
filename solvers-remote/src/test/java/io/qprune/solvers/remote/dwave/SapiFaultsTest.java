package io.qprune.solvers.remote.dwave;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.qprune.solvers.remote.dwave.DWaveQpuWireTest.cliqueIsing;
import static io.qprune.solvers.remote.dwave.DWaveQpuWireTest.status;
import static io.qprune.solvers.remote.testing.Stubs.json;
import static io.qprune.solvers.remote.testing.Stubs.sapi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.qprune.api.Cancellation;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.solvers.remote.RemoteAuthException;
import io.qprune.solvers.remote.RemoteJobFailedException;
import io.qprune.solvers.remote.RemoteProtocolException;
import io.qprune.solvers.remote.RemoteRejectedException;
import io.qprune.solvers.remote.RemoteTimeoutException;
import io.qprune.solvers.remote.RemoteUnavailableException;
import io.qprune.solvers.remote.ServiceError;
import io.qprune.solvers.remote.testing.Fixtures;
import io.qprune.solvers.remote.testing.Stubs;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault matrix against SAPI stubs (through dwave-qpu, whose submission is a single POST):
 * every fault ends in a retry or a typed error, never a hang, never a duplicate submission.
 */
@WireMockTest
@Timeout(20)
class SapiFaultsTest {
  static final String PROBLEMS = "/sapi/problems/";
  static final String POLL = "/sapi/problems/?id=qpu-1";
  static final String DONE = "[" + status("COMPLETED", "ising", Fixtures.text("sapi/qp-answer.json")) + "]";
  static final String PENDING = "[" + status("PENDING", "ising", null) + "]";
  WireMockRuntimeInfo wm;

  @BeforeEach
  void solverDefinition(WireMockRuntimeInfo wm) {
    this.wm = wm;
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(sapi("solver-definition", Fixtures.text("sapi/clique5-solver.json"))));
  }

  /** The SAPI base URL the solver is sent to (a subclass puts a connection-closing server in front). */
  String endpoint() {
    return wm.getHttpBaseUrl() + "/sapi/";
  }

  Solver solver(Object... extra) {
    Map<String, Object> p = DWaveQpuWireTest.params(wm);
    p.put("endpoint", endpoint());
    p.put("compress", false);
    for (int i = 0; i < extra.length; i += 2) {
      p.put((String) extra[i], extra[i + 1]);
    }
    return Solvers.discover().create("dwave-qpu", p);
  }

  SampleSet solve(Object... extra) {
    return solver(extra).solve(cliqueIsing(), SolveRequest.seeded(1));
  }

  static String error(int code, String msg) {
    return "{\"error_code\":" + code + ",\"error_msg\":\"" + msg + "\"}";
  }

  // ---- 401 / 403 / 404 / 409: typed errors carrying the service's code and message, no retries

  @Test
  void unauthorizedIsAnAuthErrorWithTheServiceMessageAndNoToken() {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(json(401,
        error(401, "Invalid token or access denied: " + Stubs.TOKEN))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteAuthException.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("Invalid token or access denied: ***")
        .hasMessageNotContaining(Stubs.TOKEN).hasMessageContaining("token_env")
        .satisfies(e -> {
          ServiceError se = (ServiceError) e;
          assertThat(se.httpStatus()).isEqualTo(401);
          assertThat(se.serviceCode()).contains("401");
          assertThat(se.serviceMessage()).contains("Invalid token or access denied: ***");
        });
    verify(1, getRequestedFor(urlEqualTo("/sapi/solvers/remote/clique_5q_mock")));
  }

  @Test
  void forbiddenIsAnAuthError() {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(aResponse().withStatus(403).withBody("Forbidden")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteAuthException.class).hasMessageContaining("HTTP 403 (Forbidden)");
  }

  @Test
  void unknownSolverIsRejectedWithAHint() {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(json(404, error(404, "Solver not found"))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteRejectedException.class)
        .hasMessageContaining("Solver not found").hasMessageContaining("qprune solvers --remote");
    verify(1, getRequestedFor(urlEqualTo("/sapi/solvers/remote/clique_5q_mock")));
  }

  @Test
  void conflictOnSubmissionIsRejectedNotRetried() {
    stubFor(post(PROBLEMS).willReturn(json(409, error(409, "Conflict"))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteRejectedException.class).hasMessageContaining("HTTP 409");
    verify(1, postRequestedFor(urlPathEqualTo(PROBLEMS)));
  }

  @Test
  void anErrorItemInsideA200IsRejectedWithItsCodeAndMessage() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems",
        "[{\"error_code\": 400, \"error_msg\": \"Missing parameter 'num_reads' in problem JSON\"}]")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteRejectedException.class)
        .hasMessageContaining("Missing parameter 'num_reads' in problem JSON")
        .satisfies(e -> assertThat(((ServiceError) e).serviceCode()).contains("400"));
    verify(1, postRequestedFor(urlPathEqualTo(PROBLEMS)));
  }

  // ---- 429 / 5xx / 503: retried (idempotent calls; a submission only when refused outright)

  @Test
  void tooManyRequestsWithRetryAfterIsHonoured() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs(STARTED)
        .willReturn(json(429, error(429, "Too many requests")).withHeader("Retry-After", "1")).willSetStateTo("ok"));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs("ok").willReturn(sapi("problems", DONE)));
    long t0 = System.nanoTime();
    assertThat(solve().first().energy()).isEqualTo(-15.0);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    verify(2, getRequestedFor(urlEqualTo(POLL)));
  }

  @Test
  void tooManyRequestsWithoutRetryAfterBacksOffThenGivesUp() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlEqualTo(POLL)).willReturn(json(429, error(429, "Too many requests"))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteUnavailableException.class)
        .hasMessageContaining("HTTP 429").hasMessageContaining("4 attempts");
    verify(4, getRequestedFor(urlEqualTo(POLL)));
  }

  @Test
  void retryAfterLongerThanBackoffMaxFailsAtOnce() {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(json(503, "{}").withHeader("Retry-After", "3600")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteUnavailableException.class).hasMessageContaining("HTTP 503");
    verify(1, getRequestedFor(urlEqualTo("/sapi/solvers/remote/clique_5q_mock")));
  }

  @Test
  void aRefusedSubmission429Or503IsPostedAgain() {
    stubFor(post(PROBLEMS).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(json(429, error(429, "slow down"))).willSetStateTo("503"));
    stubFor(post(PROBLEMS).inScenario("s").whenScenarioStateIs("503")
        .willReturn(json(503, "Service Unavailable").withHeader("Retry-After", "0")).willSetStateTo("ok"));
    stubFor(post(PROBLEMS).inScenario("s").whenScenarioStateIs("ok").willReturn(sapi("problems", DONE)));
    assertThat(solve().first().energy()).isEqualTo(-15.0);
    verify(3, postRequestedFor(urlPathEqualTo(PROBLEMS)));
    verify(0, getRequestedFor(urlPathEqualTo(PROBLEMS))); // nothing ambiguous: no look-up
  }

  @Test
  void serverErrorsWhilePollingAreRetried() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs(STARTED)
        .willReturn(json(500, error(500, "Internal error"))).willSetStateTo("502"));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs("502")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs("ok").willReturn(sapi("problems", DONE)));
    assertThat(solve().first().energy()).isEqualTo(-15.0);
    verify(3, getRequestedFor(urlEqualTo(POLL)));
  }

  @Test
  void persistentServerErrorsEndInUnavailable() {
    stubFor(get("/sapi/solvers/remote/clique_5q_mock").willReturn(json(500, error(500, "Internal error"))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteUnavailableException.class)
        .hasMessageContaining("HTTP 500").hasMessageContaining("Internal error")
        .satisfies(e -> assertThat(((ServiceError) e).httpStatus()).isEqualTo(500));
    verify(4, getRequestedFor(urlEqualTo("/sapi/solvers/remote/clique_5q_mock")));
  }

  // ---- ambiguous submissions: looked up by label, never blindly re-posted

  @Test
  void aServerErrorOnSubmissionIsLookedUpAndTheFoundJobIsFollowed() {
    stubFor(post(PROBLEMS).willReturn(json(500, error(500, "gateway hiccup"))));
    stubFor(get(urlPathEqualTo(PROBLEMS)).withQueryParam("label", com.github.tomakehurst.wiremock.client.WireMock.matching("qprune-.*"))
        .willReturn(sapi("problems", "[{\"id\":\"qpu-1\",\"status\":\"PENDING\",\"label\":\"{{request.query.label}}\","
            + "\"type\":\"ising\",\"submitted_on\":\"2026-06-11T10:00:00.000Z\",\"solved_on\":null}]")
            .withTransformers("response-template")));
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", DONE)));
    assertThat(solve().first().energy()).isEqualTo(-15.0);
    verify(1, postRequestedFor(urlPathEqualTo(PROBLEMS)));
  }

  @Test
  void aConnectionResetOnSubmissionIsLookedUpAndOnlyThenPostedAgain() {
    stubFor(post(PROBLEMS).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("again"));
    stubFor(post(PROBLEMS).inScenario("s").whenScenarioStateIs("again").willReturn(sapi("problems", DONE)));
    stubFor(get(urlPathEqualTo(PROBLEMS)).withQueryParam("label", com.github.tomakehurst.wiremock.client.WireMock.matching("qprune-.*"))
        .willReturn(sapi("problems", "[]")));
    assertThat(solve().first().energy()).isEqualTo(-15.0);
    verify(2, postRequestedFor(urlPathEqualTo(PROBLEMS)));
    verify(1, getRequestedFor(urlPathEqualTo(PROBLEMS)).withQueryParam("label",
        com.github.tomakehurst.wiremock.client.WireMock.matching("qprune-.*")));
  }

  @Test
  void aSubmissionSlowerThanTheRequestTimeoutIsLookedUpNotReposted() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING).withFixedDelay(1500)));
    stubFor(get(urlPathEqualTo(PROBLEMS)).withQueryParam("label", com.github.tomakehurst.wiremock.client.WireMock.matching("qprune-.*"))
        .willReturn(sapi("problems", "[{\"id\":\"qpu-1\",\"status\":\"PENDING\",\"label\":\"{{request.query.label}}\"}]")
            .withTransformers("response-template")));
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", DONE)));
    assertThat(solve("request_timeout", 0.3).first().energy()).isEqualTo(-15.0);
    verify(1, postRequestedFor(urlPathEqualTo(PROBLEMS)));
  }

  @Test
  void whenTheLookUpFailsTooTheSubmissionIsNotRepeated() {
    stubFor(post(PROBLEMS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(get(urlPathEqualTo(PROBLEMS)).willReturn(json(500, "{}")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteUnavailableException.class)
        .hasMessageContaining("outcome of the submission is unknown").hasMessageContaining("not posted again");
    verify(1, postRequestedFor(urlPathEqualTo(PROBLEMS)));
  }

  // ---- connection reset / slow replies on idempotent calls: retried

  @Test
  void resetAndSlowPollsAreRetried() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("slow"));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs("slow")
        .willReturn(sapi("problems", PENDING).withFixedDelay(1500)).willSetStateTo("ok"));
    stubFor(get(urlEqualTo(POLL)).inScenario("p").whenScenarioStateIs("ok").willReturn(sapi("problems", DONE)));
    assertThat(solve("request_timeout", 0.3).first().energy()).isEqualTo(-15.0);
    verify(3, getRequestedFor(urlEqualTo(POLL)));
  }

  @Test
  void anUnreachableServiceEndsInUnavailable() {
    Map<String, Object> p = DWaveQpuWireTest.params(wm);
    p.put("endpoint", "http://127.0.0.1:1/sapi/");
    assertThatThrownBy(() -> Solvers.discover().create("dwave-qpu", p).solve(cliqueIsing(), SolveRequest.seeded(1)))
        .isInstanceOf(RemoteUnavailableException.class).hasMessageContaining("127.0.0.1:1");
  }

  // ---- bad payloads: typed protocol errors

  @Test
  void emptyMalformedAndMistypedRepliesAreProtocolErrors() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", "")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class).hasMessageContaining("empty body");
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", "[{\"id\":\"qpu-1\",\"status\":")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class).hasMessageContaining("not valid JSON");
    stubFor(get(urlEqualTo(POLL)).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>login</html>")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("'text/html'").hasMessageContaining("application/vnd.dwave.sapi.problems+json");
    stubFor(get(urlEqualTo(POLL)).willReturn(json(200, DONE)));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class).hasMessageContaining("'application/json'");
    stubFor(get(urlEqualTo(POLL)).willReturn(aResponse()
        .withHeader("Content-Type", "application/vnd.dwave.sapi.problems+json; version=2.1.0").withBody(DONE)));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class).hasMessageContaining("version 2.1.0");
  }

  @Test
  void truncatedAnswersAndAnswersForTheWrongProblemAreProtocolErrors() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    String truncated = Fixtures.text("sapi/qp-answer.json").replace("\"energies\":\"AAAAAAAALsA=\"", "\"energies\":\"AAAAAAAALsAAAAAAAAAuwA==\"");
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", "[" + status("COMPLETED", "ising", truncated) + "]")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("2 energies but 1 occurrence counts");
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", DONE.replace("\"id\":\"qpu-1\"", "\"id\":\"qpu-9\""))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("problem qpu-1").hasMessageContaining("problem qpu-9").hasMessageContaining("wrong problem");
    // same qubits, other energies: -14 reported where the model gives -15
    String wrongEnergy = Fixtures.text("sapi/qp-answer.json").replace("AAAAAAAALsA=", "AAAAAAAALMA=");
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", "[" + status("COMPLETED", "ising", wrongEnergy) + "]")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("-14.0").hasMessageContaining("-15.0");
  }

  // ---- job states: FAILED, CANCELLED; the caller's limit and cancellation cancel the job

  @Test
  void failedAndCancelledJobsAreJobFailures() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", "[" + status("FAILED", "ising", null)
        .replace("\"status\":\"FAILED\"", "\"status\":\"FAILED\",\"error_message\":\"Problem has too many reads\"") + "]")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteJobFailedException.class)
        .hasMessageContaining("qpu-1 FAILED: Problem has too many reads");
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", "[" + status("CANCELLED", "ising", null) + "]")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteJobFailedException.class).hasMessageContaining("CANCELLED");
  }

  @Test
  void theTimeLimitCancelsTheRemoteJob() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlEqualTo(POLL)).willReturn(sapi("problems", PENDING)));
    stubFor(delete("/sapi/problems/qpu-1/").willReturn(sapi("problem", status("CANCELLED", "ising", null))));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> solver("deadline_grace", 0.2).solve(cliqueIsing(), SolveRequest.seeded(1).withTimeLimitSeconds(0.3)))
        .isInstanceOf(RemoteTimeoutException.class).hasMessageContaining("qpu-1").hasMessageContaining("cancelled")
        .satisfies(e -> assertThat(((ServiceError) e).jobId()).contains("qpu-1"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
    verify(1, deleteRequestedFor(urlEqualTo("/sapi/problems/qpu-1/")));
    verify(1, postRequestedFor(urlPathEqualTo(PROBLEMS)));
  }

  @Test
  void aCallerCancellationInterruptsALongPollCancelsTheJobAndReturnsNothing() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING)));
    stubFor(get(urlPathEqualTo(PROBLEMS)).withQueryParam("id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("qpu-1"))
        .willReturn(sapi("problems", PENDING).withFixedDelay(10_000)));
    stubFor(delete("/sapi/problems/qpu-1/").willReturn(json(409, error(409, "Problem already finished"))));
    Cancellation c = Cancellation.create();
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
    try {
      ex.schedule(c::cancel, 300, TimeUnit.MILLISECONDS);
      long t0 = System.nanoTime();
      SampleSet s = solver("poll_wait", 30, "request_timeout", 20.0)
          .solve(cliqueIsing(), SolveRequest.seeded(1).withCancellation(c));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
      assertThat(s.isEmpty()).isTrue();
      assertThat(s.info().properties()).containsEntry("cancelled", true).containsEntry("problem_id", "qpu-1")
          .containsEntry("remote_cancel", "requested"); // 409: it had finished; nothing left to cancel
    } finally {
      ex.shutdownNow();
    }
    verify(1, deleteRequestedFor(urlEqualTo("/sapi/problems/qpu-1/")));
  }

  @Test
  void aCancellationDuringTheSubmissionStillCancelsTheProblemItCreated() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", PENDING).withFixedDelay(3000)));
    stubFor(get(urlPathEqualTo(PROBLEMS)).withQueryParam("label", com.github.tomakehurst.wiremock.client.WireMock.matching("qprune-.*"))
        .willReturn(sapi("problems", "[{\"id\":\"qpu-1\",\"status\":\"PENDING\",\"label\":\"{{request.query.label}}\"}]")
            .withTransformers("response-template")));
    stubFor(delete("/sapi/problems/qpu-1/").willReturn(sapi("problem", status("CANCELLED", "ising", null))));
    Cancellation c = Cancellation.create();
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
    try {
      ex.schedule(c::cancel, 300, TimeUnit.MILLISECONDS);
      SampleSet s = solver().solve(cliqueIsing(), SolveRequest.seeded(1).withCancellation(c));
      assertThat(s.isEmpty()).isTrue();
      assertThat(s.info().properties()).containsEntry("remote_cancel", "requested");
    } finally {
      ex.shutdownNow();
    }
    verify(1, postRequestedFor(urlPathEqualTo(PROBLEMS)));
    verify(1, deleteRequestedFor(urlEqualTo("/sapi/problems/qpu-1/")));
  }

  @Test
  void aCompletedProblemWithoutSamplesIsAProtocolError() {
    stubFor(post(PROBLEMS).willReturn(sapi("problems", "[" + status("COMPLETED", "ising",
        "{\"format\":\"qp\",\"num_variables\":5,\"energies\":\"\",\"num_occurrences\":\"\","
        + "\"active_variables\":\"AAAAAAEAAAACAAAAAwAAAAQAAAA=\",\"solutions\":\"\"}") + "]")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class).hasMessageContaining("holds no samples");
  }
}
