package io.qprune.solvers.remote.dwave;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static io.qprune.solvers.remote.testing.Stubs.sapi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.qprune.api.InvalidInputException;
import io.qprune.solvers.remote.RemoteCatalog;
import io.qprune.solvers.remote.RemoteSolverInfo;
import io.qprune.solvers.remote.testing.Fixtures;
import io.qprune.solvers.remote.testing.Stubs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class DWaveCatalogTest {
  @Test
  void listsSapiSolversWithTheAdapterThatDrivesThem(WireMockRuntimeInfo wm) {
    stubFor(get("/sapi/solvers/remote/").withHeader("Accept", equalTo("application/vnd.dwave.sapi.solver-definition-list+json; version=3.0.0"))
        .willReturn(sapi("solver-definition-list", "[" + Fixtures.text("sapi/clique5-solver.json") + ","
            + Fixtures.text("sapi/hybrid-solver.json") + "]")));
    List<RemoteSolverInfo> l = RemoteCatalog.list("dwave", Stubs.fast(wm.getHttpBaseUrl() + "/sapi/"));
    assertThat(l).extracting(RemoteSolverInfo::name).containsExactly("clique_5q_mock", "hybrid_binary_quadratic_model_version2");
    assertThat(l).extracting(RemoteSolverInfo::adapter).containsExactly("dwave-qpu", "dwave-hybrid");
    assertThat(l.get(0).problemTypes()).containsExactly("qubo", "ising");
    assertThat(l.get(0).avgLoad()).isEqualTo(0.3);
  }

  @Test
  void servicesWithoutDiscoveryAreNamed() {
    assertThatThrownBy(() -> RemoteCatalog.list("dwav", Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Maybe 'dwave'");
  }
}
