package io.qprune.solvers.remote.dwave;

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

/** The shared solver contract, for dwave-hybrid against a simulated SAPI answering with the exact solver. */
@Timeout(60)
class DWaveHybridConformanceTest extends SolverConformance {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new SapiSimulator())).build();

  @BeforeEach
  void route() {
    wm.stubFor(any(urlPathMatching("/sapi/.*")).willReturn(aResponse().withTransformers(SapiSimulator.NAME)));
  }

  @Override
  protected SolverProvider provider() {
    return new DWaveHybridProvider();
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = Stubs.fast(wm.baseUrl() + "/sapi/");
    p.put("poll_wait", 1);
    p.put("upload_part_size", 2048); // several parts for the larger models
    return p;
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("time_limit", -1), Map.of("upload_part_size", 1), Map.of("endpoint", "cloud.dwavesys.com"),
        Map.of("service_params", "[1, 2]"), Map.of("max_retries", 1000));
  }

  /** The simulated hybrid solver runs for its time_limit: 30 s here, far longer than a second. */
  @Override
  protected Qubo longModel() {
    return RandomModels.dense(Vartype.BINARY, 16, 9, 99);
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    Map<String, Object> p = parameters();
    p.put("time_limit", 30.0);
    return p;
  }
}
