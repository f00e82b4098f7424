package io.qprune.solvers.remote.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import io.qprune.api.spi.SolverProvider;
import io.qprune.api.testing.RandomModels;
import io.qprune.api.testing.SolverConformance;
import io.qprune.solvers.remote.testing.Stubs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared solver contract, for bqm-http against a simulated sampler answering with the exact solver. */
@Timeout(60)
class BqmHttpConformanceTest extends SolverConformance {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new BqmHttpSimulator())).build();

  @BeforeEach
  void route() {
    wm.stubFor(post(urlPathEqualTo("/sample")).willReturn(aResponse().withTransformers(BqmHttpSimulator.NAME)));
  }

  @Override
  protected SolverProvider provider() {
    return new BqmHttpProvider();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Stubs.fast(wm.baseUrl() + "/sample");
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("headers", "no colon here"), Map.of("request_timeout", 0), Map.of("endpoint", "ftp://x/"));
  }

  @Override
  protected Qubo longModel() {
    return RandomModels.dense(Vartype.BINARY, 16, 9, 99);
  }

  /** The simulated sampler takes 3 s unless the time limit it is sent says otherwise. */
  @Override
  protected Map<String, Object> longRunParameters() {
    Map<String, Object> p = parameters();
    p.put("service_params", "{\"run_seconds\": 3}");
    return p;
  }
}
