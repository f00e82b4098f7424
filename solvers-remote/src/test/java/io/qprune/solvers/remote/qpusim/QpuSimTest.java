package io.qprune.solvers.remote.qpusim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** qpu-sim end to end: embedding, annealing the physical problem, unembedding, exact k, chain breaks in info. */
class QpuSimTest {
  /** A pruning-shaped QUBO: rewards per unit, redundancy penalties within three "layers". */
  static Qubo layered(long seed) {
    Random r = new Random(seed);
    int[] sizes = {5, 4, 3};
    QuboBuilder b = Qubo.builder(12);
    int at = 0;
    for (int s : sizes) {
      for (int i = 0; i < s; i++) {
        b.addLinear(at + i, -r.nextDouble());
        for (int j = i + 1; j < s; j++) {
          b.addQuadratic(at + i, at + j, 0.3 * r.nextDouble());
        }
      }
      at += s;
    }
    return b.build();
  }

  @Test
  void findsTheOptimumAndKeepsExactlyK() {
    Qubo q = layered(3);
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
