package io.qprune.solvers.remote.dwave;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.solvers.remote.testing.Fixtures;
import io.qprune.solvers.remote.testing.Stubs;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dwave-qpu on a model that is not on the chip: minor-embedded on the simulator's Pegasus P4 (read
 * from its properties), annealed there by sa, unembedded; the optimum, exact k and chain breaks.
 */
@Timeout(60)
class DWaveQpuEmbeddingTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new SapiSimulator())).build();

  @BeforeEach
  void route() {
    wm.stubFor(any(urlPathMatching("/sapi/.*")).willReturn(aResponse().withTransformers(SapiSimulator.NAME)));
  }

  static Map<String, Object> params(String embedding) {
    Map<String, Object> p = Stubs.fast(wm.baseUrl() + "/sapi/");
    p.put("poll_wait", 1);
    p.put("solver", SapiSimulator.PEGASUS);
    p.put("embedding", embedding);
    return p;
  }

  @Test
  void anEmbeddedModelReachesItsOptimumWithChainBreaksInInfo() {
    for (String method : new String[] {"auto", "heuristic"}) {
      Qubo q = Fixtures.layered(3, method.equals("heuristic")); // auto: three dense components, clique chains
      double optimum = Solvers.discover().create("exact", Map.of()).solve(q).first().energy();
      SampleSet s = Solvers.discover().create("dwave-qpu", params(method)).solve(q, SolveRequest.seeded(1));
      assertThat(s.first().energy()).as(method).isCloseTo(optimum, within(1e-9));
      Map<String, Object> info = s.info().properties();
      assertThat(info).containsEntry("topology", "pegasus(4)").containsEntry("solver_name", SapiSimulator.PEGASUS)
          .containsKeys("chain_break_fraction", "chain_length_max", "chain_strength", "auto_scale", "physical_qubits");
      assertThat((String) info.get("embedding_method")).isEqualTo(method.equals("auto") ? "clique" : "heuristic");
      double[] breaks = (double[]) info.get("chain_break_fraction");
      assertThat(breaks).isNotEmpty();
      assertThat(java.util.Arrays.stream(breaks).allMatch(f -> f >= 0 && f <= 1)).isTrue();
      assertThat((double) info.get("chain_break_fraction_mean")).isBetween(0.0, 1.0);
      assertThat((int) info.get("physical_qubits")).isGreaterThan(q.numVariables());
    }
  }

  @Test
  void exactKIsRepairedAfterUnembedding() {
    Qubo q = Fixtures.layered(5, true);
    SampleSet k7 = Solvers.discover().create("dwave-qpu", params("auto"))
        .solve(q, SolveRequest.seeded(2).withCardinality(Cardinality.exactly(7)));
    for (int r = 0; r < k7.size(); r++) {
      int kept = 0;
      for (int i = 0; i < q.numVariables(); i++) {
        kept += k7.bit(r, i) ? 1 : 0;
      }
      assertThat(kept).isEqualTo(7);
    }
  }

  /** Four dense "layers" of 16 units, as the shipped model's pruning QUBO has twelve; μ shifts every linear bias. */
  static Qubo fourLayers(double mu) {
    java.util.Random r = new java.util.Random(3);
    io.qprune.api.QuboBuilder b = Qubo.builder(64);
    for (int l = 0; l < 4; l++) {
      for (int i = 0; i < 16; i++) {
        b.addLinear(16 * l + i, -r.nextDouble() + mu);
        for (int j = i + 1; j < 16; j++) {
          if (r.nextDouble() < 0.6) {
            b.addQuadratic(16 * l + i, 16 * l + j, 0.2 * r.nextDouble());
          }
        }
      }
    }
    return b.build();
  }

  @Test
  void theAdvantageSizedSolverHasAWorkingGraphWithFaultsAndTheEmbeddingAvoidsThem() {
    Map<String, Object> p = params("auto");
    p.put("solver", SapiSimulator.ADVANTAGE);
    p.put("service_params", "{\"num_reads\": 5}");
    var qpu = Solvers.discover().create("dwave-qpu", p);
    SampleSet first = qpu.solve(fourLayers(0), SolveRequest.seeded(1).withCardinality(Cardinality.exactly(40)));
    Map<String, Object> info = first.info().properties();
    int fabric = io.qprune.solvers.remote.embedding.Pegasus.of(16).graph().size();
    assertThat(info).containsEntry("topology", "pegasus(16)").containsEntry("embedding_method", "clique")
        .containsEntry("working_qubits", fabric - SapiSimulator.ADVANTAGE_MISSING_QUBITS)
        .containsEntry("embedding_reused", false);
    assertThat(first.size()).isEqualTo(5);
    for (int r = 0; r < first.size(); r++) {
      int kept = 0;
      for (int i = 0; i < 64; i++) {
        kept += first.bit(r, i) ? 1 : 0;
      }
      assertThat(kept).isEqualTo(40);
    }
    SampleSet again = qpu.solve(fourLayers(-0.1), SolveRequest.seeded(2)); // the capacity search's next call
    assertThat(again.info().properties()).containsEntry("embedding_reused", true)
        .containsEntry("physical_qubits", info.get("physical_qubits"));
    p.put("reuse_embedding", false);
    var fresh = Solvers.discover().create("dwave-qpu", p);
    fresh.solve(fourLayers(0), SolveRequest.seeded(1));
    assertThat(fresh.solve(fourLayers(-0.1), SolveRequest.seeded(2)).info().properties())
        .containsEntry("embedding_reused", false);
  }
}
