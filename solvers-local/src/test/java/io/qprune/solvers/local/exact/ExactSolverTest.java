package io.qprune.solvers.local.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Vartype;
import io.qprune.api.spi.SolverProvider;
import io.qprune.api.testing.BruteForce;
import io.qprune.api.testing.RandomModels;
import io.qprune.api.testing.SolverConformance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactSolverTest extends SolverConformance {

  @Override
  protected SolverProvider provider() {
    return new ExactSolverProvider();
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("max_variables", 41), Map.of("num_states", 0), Map.of("num_threads", -1));
  }

  @Override
  protected Qubo longModel() {
    return RandomModels.dense(Vartype.BINARY, 34, 5, 1);
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    return Map.of("max_variables", 34);
  }

  @Test
  void refusesModelsAboveTheLimitNamingBoth() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 50, 3, 1);
    assertThatThrownBy(() -> solver(Map.of()).solve(q, SolveRequest.seeded(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("50 variables")
        .hasMessageContaining("limited to 30");
  }

  @Test
  void returnsTheLowestStatesInOrderAndTheSameForAnyThreadCount() {
    Qubo q = RandomModels.dense(Vartype.SPIN, 18, 4, 8);
    SampleSet one = solver(Map.of("num_states", 20, "num_threads", 1)).solve(q, SolveRequest.seeded(1));
    SampleSet four = solver(Map.of("num_states", 20, "num_threads", 4)).solve(q, SolveRequest.seeded(1));
    assertThat(one.size()).isEqualTo(20);
    assertThat(four.samples()).isEqualTo(one.samples());
    assertThat(one.first().energy()).isEqualTo(BruteForce.minimum(q));
    assertThat(one.info().properties()).containsEntry("complete", true)
        .containsEntry("states_visited", 1L << 18);
  }

  @Test
  void stopsAtTheTimeLimitAndSaysTheEnumerationIsIncomplete() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 34, 5, 1);
    SampleSet s = solver(Map.of("max_variables", 34)).solve(q,
        SolveRequest.seeded(1).withTimeLimitSeconds(0.2));
    assertThat(s.info().properties()).containsEntry("complete", false);
  }
}
