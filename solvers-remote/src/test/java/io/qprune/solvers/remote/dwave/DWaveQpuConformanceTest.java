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

/**
 * The shared solver contract, for dwave-qpu against a simulated 32-qubit clique QPU answering with
 * the exact solver (variables go on qubits by index; uploads are deflate-compressed).
 */
@Timeout(60)
class DWaveQpuConformanceTest extends SolverConformance {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new SapiSimulator())).build();

  @BeforeEach
  void route() {
    wm.stubFor(any(urlPathMatching("/sapi/.*")).willReturn(aResponse().withTransformers(SapiSimulator.NAME)));
  }

  @Override
  protected SolverProvider provider() {
    return new DWaveQpuProvider();
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = Stubs.fast(wm.baseUrl() + "/sapi/");
    p.put("poll_wait", 1);
    p.put("qubit_mapping", "index");
    return p;
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("qubit_mapping", "embed"), Map.of("poll_wait", 1000), Map.of("energy_tolerance", 2));
  }

  /** A QPU job takes tens of milliseconds; the largest model the 32-qubit clique and the stub's exact solver take. */
  @Override
  protected Qubo longModel() {
    return RandomModels.dense(Vartype.BINARY, 20, 9, 99);
  }
}
