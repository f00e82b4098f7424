package io.qprune.solvers.remote.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import io.qprune.solvers.remote.RemoteProtocolException;
import io.qprune.solvers.remote.RemoteRejectedException;
import io.qprune.solvers.remote.RemoteTimeoutException;
import io.qprune.solvers.remote.RemoteUnavailableException;
import io.qprune.solvers.remote.testing.Fixtures;
import io.qprune.solvers.remote.testing.Stubs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** bqm-http against a stub that takes the §1 BQM JSON and answers with the §1 SampleSet, and its faults. */
@WireMockTest
@Timeout(20)
class BqmHttpWireTest {
  static final String SAMPLE = "/sample";
  static final String SAMPLESET = Fixtures.text("sapi/sampleset-example.json");

  static Qubo model() {
    return Qubo.builder(3).labels(List.of("a", "b", "c")).addOffset(0.5).addLinear(0, -1).addLinear(1, -1)
        .addLinear(2, 2).addQuadratic(0, 1, 2).addQuadratic(1, 2, -1.5).build();
  }

  static Solver solver(WireMockRuntimeInfo wm, Object... extra) {
    Map<String, Object> p = Stubs.fast(wm.getHttpBaseUrl() + SAMPLE);
    for (int i = 0; i < extra.length; i += 2) {
      p.put((String) extra[i], extra[i + 1]);
    }
    return Solvers.discover().create("bqm-http", p);
  }

  @Test
  void postsBqmJsonWithParametersAndHeadersAndReadsTheSampleSet(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(SAMPLE)).withQueryParam("num_reads", equalTo("10"))
        .withQueryParam("time_limit", com.github.tomakehurst.wiremock.client.WireMock.matching("[0-9.]+"))
        .withHeader("Authorization", equalTo("Bearer " + Stubs.TOKEN)).withHeader("X-Sampler", equalTo("tabu"))
        .withHeader("Accept", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"type\":\"BinaryQuadraticModel\",\"version\":{\"bqm_schema\":\"3.0.0\"},\"use_bytes\":false,"
            + "\"index_type\":\"int32\",\"bias_type\":\"float64\",\"num_variables\":3,\"num_interactions\":2,"
            + "\"variable_labels\":[\"a\",\"b\",\"c\"],\"variable_type\":\"BINARY\",\"offset\":0.5,\"info\":{},"
            + "\"linear_biases\":[-1.0,-1.0,2.0],\"quadratic_biases\":[2.0,-1.5],"
            + "\"quadratic_head\":[0,1],\"quadratic_tail\":[1,2]}"))
        .willReturn(json(200, SAMPLESET)));
    SampleSet s = solver(wm, "service_params", "{\"num_reads\": 10}", "headers", "X-Sampler: tabu")
        .solve(model(), SolveRequest.seeded(1).withTimeLimitSeconds(5));
    assertThat(s.first().values()).containsExactly(1, 0, 0);
    assertThat(s.first().energy()).isEqualTo(-0.5);
    assertThat(s.size()).isEqualTo(2);
  }

  @Test
  void serviceErrorsAreTypedAndARefusedRequestIsRetried(WireMockRuntimeInfo wm) {
    stubFor(post(SAMPLE).willReturn(json(400, "{\"detail\":\"unknown parameter 'num_sweeps'\"}")));
    assertThatThrownBy(() -> solver(wm).solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteRejectedException.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("unknown parameter 'num_sweeps'");
    stubFor(post(SAMPLE).inScenario("busy").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("ok"));
    stubFor(post(SAMPLE).inScenario("busy").whenScenarioStateIs("ok").willReturn(json(200, SAMPLESET)));
    assertThat(solver(wm).solve(model(), SolveRequest.seeded(1)).first().energy()).isEqualTo(-0.5);
    verify(3, postRequestedFor(urlPathEqualTo(SAMPLE)));
  }

  @Test
  void aResetAfterSendingIsNotRepeated(WireMockRuntimeInfo wm) {
    stubFor(post(SAMPLE).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> solver(wm).solve(model(), SolveRequest.seeded(1)))
        .isInstanceOf(RemoteUnavailableException.class).hasMessageContaining("not repeated");
    verify(1, postRequestedFor(urlPathEqualTo(SAMPLE)));
  }

  @Test
  void aSamplerSlowerThanTheTimeLimitIsAbandoned(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(SAMPLE)).willReturn(json(200, SAMPLESET).withFixedDelay(5000)));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> solver(wm, "deadline_grace", 0.2).solve(model(), SolveRequest.seeded(1).withTimeLimitSeconds(0.3)))
        .isInstanceOf(RemoteTimeoutException.class).hasMessageContaining("no answer arrived");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
    verify(1, postRequestedFor(urlPathEqualTo(SAMPLE)));
  }

  @Test
  void badRepliesAreProtocolErrorsNamingTheValues(WireMockRuntimeInfo wm) {
    Solver s = solver(wm);
    stubFor(post(SAMPLE).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<h1>502</h1>")));
    assertThatThrownBy(() -> s.solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("'text/html'");
    stubFor(post(SAMPLE).willReturn(json(200, "")));
    assertThatThrownBy(() -> s.solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("empty body");
    stubFor(post(SAMPLE).willReturn(json(200, SAMPLESET.substring(0, 120))));
    assertThatThrownBy(() -> s.solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("not valid JSON");
    stubFor(post(SAMPLE).willReturn(json(200, SAMPLESET.replace("\"num_rows\":2", "\"num_rows\":3"))));
    assertThatThrownBy(() -> s.solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("declares 3 rows but holds 2");
    stubFor(post(SAMPLE).willReturn(json(200, SAMPLESET.replace("[\"a\",\"b\",\"c\"]", "[\"a\",\"b\",\"d\"]"))));
    assertThatThrownBy(() -> s.solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("\"d\", which the model lacks");
    stubFor(post(SAMPLE).willReturn(json(200, SAMPLESET.replace("\"num_variables\":3", "\"num_variables\":4")
        .replace("[\"a\",\"b\",\"c\"]", "[\"a\",\"b\",\"c\",\"d\"]"))));
    assertThatThrownBy(() -> s.solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("has 4 variables").hasMessageContaining("the model has 3");
    stubFor(post(SAMPLE).willReturn(json(200, SAMPLESET.replace("\"data\":[-0.5,0]", "\"data\":[-0.5,7]"))));
    assertThatThrownBy(() -> s.solve(model(), SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("energy 7.0").hasMessageContaining("but 0.0 on the model");
  }

  @Test
  void credentialsCannotBeGivenAsPlainHeaders(WireMockRuntimeInfo wm) {
    assertThatThrownBy(() -> solver(wm, "headers", "Authorization: Bearer abc")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("token_env").hasMessageNotContaining("abc");
  }
}
