package io.qprune.solvers.remote.dwave;

import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.qprune.solvers.remote.testing.Stubs.json;
import static io.qprune.solvers.remote.testing.Stubs.sapi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.solvers.remote.RemoteProtocolException;
import io.qprune.solvers.remote.testing.Fixtures;
import io.qprune.solvers.remote.testing.Stubs;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** dwave-hybrid against a stub serving SAPI's real payloads, step by step. */
@WireMockTest
@Timeout(20)
class DWaveHybridWireTest {
  static final String SOLVER = "hybrid_binary_quadratic_model_version2";

  static String status(String status, String answer) {
    return "{\"id\":\"prob-1\",\"type\":\"bqm\",\"solver\":{\"name\":\"" + SOLVER + "\"},\"label\":\"x\","
        + "\"status\":\"" + status + "\",\"submitted_on\":\"2026-06-11T10:00:00.000Z\",\"solved_on\":"
        + (status.equals("COMPLETED") ? "\"2026-06-11T10:00:03.500Z\"" : "null")
        + (answer == null ? "" : ",\"answer\":" + answer) + "}";
  }

  /** Stubs the solver, the multipart upload of {@code file} and the submission; returns nothing. */
  static void stubUploadAndSubmit(byte[] file) {
    stubFor(get("/sapi/solvers/remote/" + SOLVER).willReturn(sapi("solver-definition", Fixtures.text("sapi/hybrid-solver.json"))));
    byte[] md5 = MultipartUpload.md5(file);
    String hex = HexFormat.of().formatHex(md5);
    stubFor(post("/sapi/bqm/multipart").withRequestBody(equalToJson("{\"size\":" + file.length + "}"))
        .willReturn(json(200, "{\"id\":\"pid-1\"}")));
    stubFor(get("/sapi/bqm/multipart/pid-1/status").inScenario("upload").whenScenarioStateIs(STARTED)
        .willReturn(json(200, "{\"status\": \"UPLOAD_IN_PROGRESS\", \"parts\": []}")));
    stubFor(put("/sapi/bqm/multipart/pid-1/part/1").inScenario("upload").whenScenarioStateIs(STARTED)
        .withHeader("Content-MD5", equalTo(Base64.getEncoder().encodeToString(md5)))
        .withHeader("Content-Type", equalTo("application/octet-stream"))
        .withHeader("X-Auth-Token", equalTo(Stubs.TOKEN))
        .withRequestBody(binaryEqualTo(file))
        .willReturn(json(200, "{}")).willSetStateTo("uploaded"));
    // SAPI may double-quote the checksums; the client strips the quotes
    stubFor(get("/sapi/bqm/multipart/pid-1/status").inScenario("upload").whenScenarioStateIs("uploaded")
        .willReturn(json(200, "{\"status\":\"UPLOAD_IN_PROGRESS\",\"parts\":[{\"part_number\":1,\"checksum\":\"\\\"" + hex + "\\\"\"}]}")));
    String combined = HexFormat.of().formatHex(MultipartUpload.md5(md5));
    stubFor(post("/sapi/bqm/multipart/pid-1/combine").withRequestBody(equalToJson("{\"checksum\":\"" + combined + "\"}"))
        .willReturn(json(200, "{}")));
    stubFor(post("/sapi/problems/")
        .withHeader("Accept", equalTo("application/vnd.dwave.sapi.problems+json; version=3.0.0"))
        .withRequestBody(equalToJson("[{\"solver\":{\"name\":\"" + SOLVER + "\"},\"data\":{\"format\":\"ref\",\"data\":\"pid-1\"},"
            + "\"type\":\"bqm\",\"params\":{\"time_limit\":3.0}}]", false, true))
        .withRequestBody(matchingJsonPath("$[0].label", matching("qprune-[0-9a-f-]{36}")))
        .willReturn(sapi("problems", "[" + status("PENDING", null) + "]")));
  }

  static Map<String, Object> params(WireMockRuntimeInfo wm) {
    Map<String, Object> p = Stubs.fast(wm.getHttpBaseUrl() + "/sapi/");
    p.put("solver", SOLVER);
    p.put("poll_wait", 2);
    return p;
  }

  @Test
  void uploadsSubmitsLongPollsAndDecodesTheSampleSet(WireMockRuntimeInfo wm) {
    byte[] file = Fixtures.bytes("example_bqm_v2.bqm");
    stubUploadAndSubmit(file);
    // PENDING -> IN_PROGRESS -> COMPLETED (without answer) -> GET problems/prob-1/
    stubFor(get(urlEqualTo("/sapi/problems/?id=prob-1&timeout=2")).inScenario("job").whenScenarioStateIs(STARTED)
        .willReturn(sapi("problems", "[" + status("IN_PROGRESS", null) + "]")).willSetStateTo("running"));
    stubFor(get(urlEqualTo("/sapi/problems/?id=prob-1&timeout=2")).inScenario("job").whenScenarioStateIs("running")
        .willReturn(sapi("problems", "[" + status("COMPLETED", null) + "]")));
    stubFor(get("/sapi/problems/prob-1/").willReturn(sapi("problem",
        status("COMPLETED", "{\"format\":\"bq\",\"data\":" + Fixtures.text("sapi/sampleset-example.json") + "}"))));

    SampleSet s = Solvers.discover().create("dwave-hybrid", params(wm))
        .solve(DimodBqmFileTest.exampleModel(), SolveRequest.seeded(1));

    assertThat(s.size()).isEqualTo(2);
    assertThat(s.first().values()).containsExactly(1, 0, 0);
    assertThat(s.first().energy()).isEqualTo(-0.5);
    assertThat(s.sample(1).values()).containsExactly(0, 1, 1);
    assertThat(s.sample(1).energy()).isEqualTo(0.0);
    assertThat(s.labels()).containsExactly("a", "b", "c");
    assertThat(s.info().solver()).isEqualTo("dwave-hybrid");
    assertThat(s.info().properties()).containsEntry("problem_id", "prob-1")
        .containsEntry("solver_name", SOLVER).containsEntry("problem_data_id", "pid-1")
        .containsEntry("time_limit_s", 3.0).containsEntry("solved_on", "2026-06-11T10:00:03.500Z");
    verify(1, postRequestedFor(urlPathEqualTo("/sapi/problems/")));
    verify(2, getRequestedFor(urlPathEqualTo("/sapi/problems/")));
    verify(1, getRequestedFor(urlEqualTo("/sapi/problems/prob-1/")));
  }

  @Test
  void aFailedPartUploadIsRetriedAndACorruptPartStopsBeforeAnySubmission(WireMockRuntimeInfo wm) {
    byte[] file = Fixtures.bytes("example_bqm_v2.bqm");
    stubUploadAndSubmit(file);
    stubFor(put("/sapi/bqm/multipart/pid-1/part/1").inScenario("part").whenScenarioStateIs(STARTED)
        .atPriority(1).willReturn(aResponse().withStatus(500)).willSetStateTo("retried"));
    stubFor(get(urlEqualTo("/sapi/problems/?id=prob-1&timeout=2")).willReturn(sapi("problems",
        "[" + status("COMPLETED", "{\"format\":\"bq\",\"data\":" + Fixtures.text("sapi/sampleset-example.json") + "}") + "]")));
    assertThat(Solvers.discover().create("dwave-hybrid", params(wm)).solve(DimodBqmFileTest.exampleModel(),
        SolveRequest.seeded(1)).first().energy()).isEqualTo(-0.5);
    verify(2, putRequestedFor(urlEqualTo("/sapi/bqm/multipart/pid-1/part/1")));

    wm.getWireMock().resetScenarios();
    stubFor(get("/sapi/bqm/multipart/pid-1/status").inScenario("upload").whenScenarioStateIs("uploaded").atPriority(1)
        .willReturn(json(200, "{\"status\":\"UPLOAD_IN_PROGRESS\",\"parts\":[{\"part_number\":1,\"checksum\":\"00ff\"}]}")));
    assertThatThrownBy(() -> Solvers.discover().create("dwave-hybrid", params(wm)).solve(DimodBqmFileTest.exampleModel(),
        SolveRequest.seeded(1))).isInstanceOf(RemoteProtocolException.class)
        .hasMessageContaining("checksum 00ff on the service but " + HexFormat.of().formatHex(MultipartUpload.md5(file)));
    verify(1, postRequestedFor(urlPathEqualTo("/sapi/problems/")));
  }
}
