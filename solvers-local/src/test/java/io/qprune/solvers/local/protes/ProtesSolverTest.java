package io.qprune.solvers.local.protes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.Cardinality;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Vartype;
import io.qprune.api.spi.SolverProvider;
import io.qprune.api.testing.RandomModels;
import io.qprune.api.testing.SolverConformance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtesSolverTest extends SolverConformance {

  @Override
  protected SolverProvider provider() {
    return new ProtesSolverProvider();
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    return Map.of("num_evaluations", 1_000_000_000L, "max_stall", 1_000_000);
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("num_evaluations", 0), Map.of("k", 0), Map.of("k_top", 200),
        Map.of("lr", -1), Map.of("rank", 0), Map.of("start_epsilon", 1.5), Map.of("noise", -0.1),
        Map.of("max_stall", 0), Map.of("k_gd", "many"));
  }

  @Test
  void findsTheOptimumOfRandom30VariableModelsWithRestarts() {
    for (long model = 301; model <= 303; model++) {
      Qubo q = RandomModels.dense(Vartype.BINARY, 30, 9, model);
      SampleSet set = solver(Map.of("num_evaluations", 20_000)).solve(q, SolveRequest.seeded(1));
      assertThat(set.first().energy()).as("model %d", model).isEqualTo(BranchAndBound.minimum(q));
      assertThat((Long) set.info().properties().get("evaluations")).isLessThanOrEqualTo(20_000L);
    }
  }

  @Test
  void rejectsGroupedCardinality() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 6, 3, 1);
    Cardinality c = Cardinality.perGroup(new int[] {0, 0, 0, 1, 1, 1}, new int[] {1, 2});
    assertThatThrownBy(() -> solver(Map.of()).solve(q, SolveRequest.seeded(1).withCardinality(c)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("per-group");
  }
}
