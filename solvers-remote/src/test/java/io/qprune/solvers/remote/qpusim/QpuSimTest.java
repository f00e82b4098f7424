package io.qprune.solvers.remote.qpusim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.solvers.remote.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** qpu-sim end to end: embedding, annealing the physical problem, unembedding, exact k, chain breaks in info. */
class QpuSimTest {
  @Test
  void findsTheOptimumAndKeepsExactlyK() {
    Qubo q = Fixtures.layered(3, false);
    var sim = Solvers.discover().create("qpu-sim", Map.of("size", 6, "missing_qubits", 20, "num_reads", 5));
    SampleSet s = sim.solve(q, SolveRequest.seeded(1));
    double optimum = Solvers.discover().create("exact", Map.of()).solve(q).first().energy();
    assertThat(s.first().energy()).isCloseTo(optimum, within(1e-9));
    assertThat(s.info().properties()).containsKeys("chain_break_fraction", "chain_length_max", "chain_strength")
        .containsEntry("embedding_method", "clique").containsEntry("topology", "pegasus(6)");
    assertThat((double) s.info().properties().get("chain_break_fraction_mean")).isBetween(0.0, 1.0);
    SampleSet k7 = sim.solve(q, SolveRequest.seeded(2).withCardinality(Cardinality.exactly(7)));
    for (int r = 0; r < k7.size(); r++) {
      int kept = 0;
      for (int i = 0; i < q.numVariables(); i++) {
        kept += k7.bit(r, i) ? 1 : 0;
      }
      assertThat(kept).isEqualTo(7);
    }
  }
}
