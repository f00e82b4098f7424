package io.qprune.solvers.remote.fujitsu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.qprune.solvers.remote.testing.Stubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.solvers.remote.RemoteAuthException;
import io.qprune.solvers.remote.RemoteJobFailedException;
import io.qprune.solvers.remote.RemoteProtocolException;
import io.qprune.solvers.remote.RemoteRejectedException;
import io.qprune.solvers.remote.RemoteTimeoutException;
import io.qprune.solvers.remote.ServiceError;
import io.qprune.solvers.remote.testing.Fixtures;
import io.qprune.solvers.remote.testing.Stubs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** fujitsu-da against stubs in the shapes of the DA v4 API: Waiting → Running → Done → DELETE, and its faults. */
@WireMockTest
@Timeout(20)
class FujitsuDaWireTest {
  static final String SOLVE = "/da/v4/async/qubo/solve";
  static final String JOBS = "/da/v4/async/jobs";
  static final String RESULT = "/da/v4/async/jobs/result/job-1";
  WireMockRuntimeInfo wm;

  /** E = 0.5 − x0 − x1 + 2 x2 + 2 x0 x1 − 1.5 x1 x2. */
  static Qubo model() {
    return Qubo.builder(3).addOffset(0.5).addLinear(0, -1).addLinear(1, -1).addLinear(2, 2)
        .addQuadratic(0, 1, 2).addQuadratic(1, 2, -1.5).build();
  }

  @BeforeEach
  void jobList(WireMockRuntimeInfo wm) {
    this.wm = wm;
    stubFor(get(JOBS).willReturn(json(200, "{\"job_status_list\":[{\"job_id\":\"old-job\",\"job_status\":\"Done\","
        + "\"start_time\":\"2026-06-11T06:02:22Z\"}]}")));
    stubFor(delete(RESULT).willReturn(json(200, Fixtures.text("da/done-result.json").replace("\"status\":\"Done\"", "\"status\":\"Deleted\""))));
  }

  Solver solver(Object... extra) {
    Map<String, Object> p = Stubs.fast(wm.getHttpBaseUrl() + "/da");
    for (int i = 0; i < extra.length; i += 2) {
      p.put((String) extra[i], extra[i + 1]);
    }
    return Solvers.discover().create("fujitsu-da", p);
  }

  SampleSet solve(Object... extra) {
    return solver(extra).solve(model(), SolveRequest.seeded(1));
  }

  @Test
  void postsTheQuboPollsWaitingRunningDoneAndDeletesTheJob() {
    stubFor(post(SOLVE).withHeader("X-Api-Key", equalTo(Stubs.TOKEN)).withHeader("Accept", equalTo("application/json"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"fujitsuDA3\":{\"num_group\":2,\"gs_level\":5,\"time_limit_sec\":10},"
            + "\"binary_polynomial\":{\"terms\":[{\"c\":0.5,\"p\":[]},{\"c\":-1.0,\"p\":[0]},{\"c\":-1.0,\"p\":[1]},"
            + "{\"c\":2.0,\"p\":[2]},{\"c\":2.0,\"p\":[0,1]},{\"c\":-1.5,\"p\":[1,2]}]}}"))
        .willReturn(json(200, "{\"job_id\":\"job-1\"}")));
    stubFor(get(RESULT).inScenario("job").whenScenarioStateIs(STARTED)
        .willReturn(json(200, "{\"status\":\"Waiting\"}")).willSetStateTo("running"));
    stubFor(get(RESULT).inScenario("job").whenScenarioStateIs("running")
        .willReturn(json(200, "{\"status\":\"Running\"}")).willSetStateTo("done"));
    stubFor(get(RESULT).inScenario("job").whenScenarioStateIs("done")
        .willReturn(json(200, Fixtures.text("da/done-result.json"))));

    SampleSet s = solve("num_group", 2, "gs_level", 5);

    assertThat(s.size()).isEqualTo(2);
    assertThat(s.first().values()).containsExactly(1, 0, 0);
    assertThat(s.first().energy()).isEqualTo(-0.5);
    assertThat(s.first().count()).isEqualTo(3);
    assertThat(s.sample(1).values()).containsExactly(0, 1, 1);
    assertThat(s.info().properties()).containsEntry("job_id", "job-1").containsEntry("deleted", true)
        .containsEntry("time_limit_sec", 10).containsEntry("timing_ms", Map.of("solve_time", 11027.0, "total_elapsed_time", 11062.0));
    verify(3, getRequestedFor(urlEqualTo(RESULT)));
    verify(1, deleteRequestedFor(urlEqualTo(RESULT)));
    verify(1, postRequestedFor(urlEqualTo(SOLVE)));
  }

  @Test
  void spinModelsAreSentAsBinaryAndMappedBack() {
    Qubo spin = model().toSpin();
    stubFor(post(SOLVE).willReturn(json(200, "{\"job_id\":\"job-1\"}")));
    stubFor(get(RESULT).willReturn(json(200, Fixtures.text("da/done-result.json"))));
    SampleSet s = solver().solve(spin, SolveRequest.seeded(1));
    assertThat(s.first().values()).containsExactly(1, -1, -1);
    assertThat(s.first().energy()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theMocksErrorBodyBecomesATypedErrorWithCodeAndMessage() {
    stubFor(get(JOBS).willReturn(json(401, "{\"error\":{\"code\":\"401\",\"title\":\"Unauthorized\","
        + "\"message\":\"Access denied due to invalid header\"}}")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteAuthException.class)
        .hasMessageContaining("Unauthorized: Access denied due to invalid header")
        .satisfies(e -> assertThat(((ServiceError) e).serviceCode()).contains("401"));
    stubFor(get(JOBS).willReturn(json(404, "{\"error\":{\"code\":404,\"title\":\"Resource Not Found\",\"message\":\"Resource not found.\"}}")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteRejectedException.class).hasMessageContaining("Resource not found.");
  }

  @Test
  void errorAndCanceledJobsAreJobFailures() {
    stubFor(post(SOLVE).willReturn(json(200, "{\"job_id\":\"job-1\"}")));
    stubFor(get(RESULT).willReturn(json(200, "{\"status\":\"Error\",\"message\":\"invalid polynomial\"}")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteJobFailedException.class).hasMessageContaining("Error")
        .hasMessageContaining("invalid polynomial");
    stubFor(get(RESULT).willReturn(json(200, "{\"status\":\"Canceled\"}")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteJobFailedException.class).hasMessageContaining("Canceled");
  }

  @Test
  void aLostSubmissionIsFoundInTheJobListInsteadOfBeingPostedAgain() {
    stubFor(post(SOLVE).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(get(JOBS).inScenario("list").whenScenarioStateIs(STARTED)
        .willReturn(json(200, "{\"job_status_list\":[{\"job_id\":\"old-job\",\"job_status\":\"Done\",\"start_time\":\"t\"}]}"))
        .willSetStateTo("after"));
    stubFor(get(JOBS).inScenario("list").whenScenarioStateIs("after")
        .willReturn(json(200, "{\"job_status_list\":[{\"job_id\":\"old-job\",\"job_status\":\"Done\",\"start_time\":\"t\"},"
            + "{\"job_id\":\"job-1\",\"job_status\":\"Running\",\"start_time\":\"t\"}]}")));
    stubFor(get(RESULT).willReturn(json(200, Fixtures.text("da/done-result.json"))));
    assertThat(solve().first().energy()).isEqualTo(-0.5);
    verify(1, postRequestedFor(urlEqualTo(SOLVE)));
  }

  @Test
  void aSubmissionRefusedWithRetryAfterIsPostedAgain() {
    stubFor(post(SOLVE).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(json(429, "{\"error\":{\"code\":\"429\",\"title\":\"Too Many Requests\"}}").withHeader("Retry-After", "0"))
        .willSetStateTo("ok"));
    stubFor(post(SOLVE).inScenario("s").whenScenarioStateIs("ok").willReturn(json(200, "{\"job_id\":\"job-1\"}")));
    stubFor(get(RESULT).willReturn(json(200, Fixtures.text("da/done-result.json"))));
    assertThat(solve().first().energy()).isEqualTo(-0.5);
    verify(2, postRequestedFor(urlEqualTo(SOLVE)));
  }

  @Test
  void answersForAnotherProblemOrTruncatedOnesAreProtocolErrors() {
    stubFor(post(SOLVE).willReturn(json(200, "{\"job_id\":\"job-1\"}")));
    stubFor(get(RESULT).willReturn(json(200, Fixtures.text("da/done-result.json").replace("\"2\":false}", "\"2\":false,\"7\":true}"))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("variable '7'").hasMessageContaining("0..2");
    stubFor(get(RESULT).willReturn(json(200, Fixtures.text("da/done-result.json").replace(",\"2\":false}", "}"))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("no value for variable 2");
    stubFor(get(RESULT).willReturn(json(200, Fixtures.text("da/done-result.json").replace("\"energy\":-0.5,\"penalty", "\"energy\":-2.5,\"penalty"))));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("-2.5").hasMessageContaining("-0.5");
    stubFor(get(RESULT).willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("Done")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class).hasMessageContaining("'text/plain'");
    stubFor(get(RESULT).willReturn(json(200, "{\"qubo_solution\":{\"solutions\":[")));
    assertThatThrownBy(this::solve).isInstanceOf(RemoteProtocolException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void theTimeLimitCapsTimeLimitSecAndCancelsAndDeletesAnOverdueJob() {
    stubFor(post(SOLVE).withRequestBody(equalToJson("{\"fujitsuDA3\":{\"time_limit_sec\":1}}", true, true))
        .willReturn(json(200, "{\"job_id\":\"job-1\"}")));
    stubFor(get(RESULT).willReturn(json(200, "{\"status\":\"Running\"}")));
    stubFor(post("/da/v4/async/jobs/cancel").withRequestBody(equalToJson("{\"job_id\":\"job-1\"}"))
        .willReturn(json(200, "{\"status\":\"Canceled\"}")));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> solver("deadline_grace", 0.2).solve(model(), SolveRequest.seeded(1).withTimeLimitSeconds(0.5)))
        .isInstanceOf(RemoteTimeoutException.class).hasMessageContaining("job-1");
    // the DA runs at least 1 s: the deadline is that second plus the grace
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(1100), Duration.ofMillis(2500));
    verify(1, postRequestedFor(urlEqualTo("/da/v4/async/jobs/cancel")));
    verify(1, deleteRequestedFor(urlEqualTo(RESULT)));
  }

  @Test
  void unknownAndOutOfRangeSettingsAreRefusedUpFront() {
    assertThatThrownBy(() -> solver("service_params", "{\"penalty_inc_rate\": 300}")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("penalty_inc_rate").hasMessageContaining("[100, 200]");
    assertThatThrownBy(() -> solver("service_params", "{\"num_grup\": 3}")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Maybe 'num_group'");
    assertThatThrownBy(() -> solver("num_group", 17)).isInstanceOf(InvalidInputException.class).hasMessageContaining("num_group");
  }

  @Test
  void whenTwoNewJobsAppearNoneIsAdoptedAndNothingIsPostedAgain() {
    stubFor(post(SOLVE).willReturn(json(502, "Bad Gateway")));
    stubFor(get(JOBS).inScenario("list").whenScenarioStateIs(STARTED)
        .willReturn(json(200, "{\"job_status_list\":[]}")).willSetStateTo("after"));
    stubFor(get(JOBS).inScenario("list").whenScenarioStateIs("after")
        .willReturn(json(200, "{\"job_status_list\":[{\"job_id\":\"job-1\",\"job_status\":\"Running\",\"start_time\":\"t\"},"
            + "{\"job_id\":\"job-2\",\"job_status\":\"Waiting\",\"start_time\":\"t\"}]}")));
    assertThatThrownBy(this::solve).isInstanceOf(io.qprune.solvers.remote.RemoteUnavailableException.class)
        .hasMessageContaining("2 new jobs appeared").hasMessageContaining("not posted again");
    verify(1, postRequestedFor(urlEqualTo(SOLVE)));
  }
}
