package io.qprune.solvers.remote.fujitsu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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

/**
 * The shared solver contract, for fujitsu-da against a simulated Digital Annealer answering with
 * the exact solver. Jobs run their whole time_limit_sec, on the simulator's fast clock.
 */
@Timeout(90)
class FujitsuDaConformanceTest extends SolverConformance {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new DaSimulator())).build();

  @BeforeEach
  void route() {
    wm.stubFor(any(urlPathMatching("/da/.*")).willReturn(aResponse().withTransformers(DaSimulator.NAME)));
  }

  @Override
  protected SolverProvider provider() {
    return new FujitsuDaProvider();
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = Stubs.fast(wm.baseUrl() + "/da");
    p.put("time_limit_sec", 1);
    p.put("poll_interval", 0.02);
    return p;
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("time_limit_sec", 0), Map.of("api_version", "v5"), Map.of("service_params", "{\"num_gruop\": 2}"));
  }

  @Override
  protected Qubo longModel() {
    return RandomModels.dense(Vartype.BINARY, 16, 9, 99);
  }

  /** Without a caller limit the simulated DA runs 30 (simulated) seconds: 1.5 s. */
  @Override
  protected Map<String, Object> longRunParameters() {
    Map<String, Object> p = parameters();
    p.put("time_limit_sec", 30);
    return p;
  }
}
