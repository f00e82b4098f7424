package io.qprune.solvers.local.tabu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.Cardinality;
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

class TabuSolverTest extends SolverConformance {

  @Override
  protected SolverProvider provider() {
    return new TabuProvider();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("num_restarts", 3);
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    return Map.of("num_restarts", 1_000_000);
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("num_reads", 0), Map.of("tenure", -1), Map.of("num_restarts", -2),
        Map.of("coefficient_z_first", 0), Map.of("lower_bound_z", 0), Map.of("num_threads", -1),
        Map.of("target_energy", "low"), Map.of("restart_from_best", 1.5));
  }

  @Test
  void tenureDefaultsToMin20AndAQuarterOfN() {
    assertThat(TabuRun.tenure(null, 1000)).isEqualTo(20);
    assertThat(TabuRun.tenure(null, 40)).isEqualTo(10);
    assertThat(TabuRun.tenure(7, 1000)).isEqualTo(7);
  }

  @Test
  void rejectsATenureThatMakesEveryVariableTabu() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 6, 3, 1);
    assertThatThrownBy(() -> solver(Map.of("tenure", 6)).solve(q, SolveRequest.seeded(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tenure")
        .hasMessageContaining("6 variables");
  }

  @Test
  void stopsEarlyAtTheTargetEnergy() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 400, 6, 3);
    SampleSet full = solver(Map.of("num_restarts", 20)).solve(q, SolveRequest.seeded(2));
    double easy = full.first().energy() * 0.5; // half of the best found: reached within moves
    SampleSet early = solver(Map.of("num_restarts", 20, "target_energy", easy))
        .solve(q, SolveRequest.seeded(2));
    assertThat(early.first().energy()).isLessThanOrEqualTo(easy);
    assertThat(early.info().properties()).containsEntry("target_reached", true);
    assertThat((Long) early.info().properties().get("moves"))
        .isLessThan((Long) full.info().properties().get("moves"));
  }

  @Test
  void perturbationFlipsSomeButNotAllOfTheVariablesItPicks() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 200, 8, 4);
    SampleSet s = solver(Map.of("num_restarts", 5, "lower_bound_z", 1)).solve(q, SolveRequest.seeded(3));
    assertThat((Long) s.info().properties().get("restarts")).isEqualTo(5L);
  }

  @Test
  void eliteRestartsStillFindTheOptimumAndRepeatForASeed() {
    Qubo q = RandomModels.dense(Vartype.SPIN, 18, 9, 77);
    Map<String, Object> p = Map.of("restart_from_best", 1.0, "num_restarts", 5);
    SampleSet a = solver(p).solve(q, SolveRequest.seeded(4));
    assertThat(a.first().energy()).isEqualTo(BruteForce.minimum(q));
    assertThat(solver(p).solve(q, SolveRequest.seeded(4))).isEqualTo(a);
  }

  @Test
  void readsShareATimeLimitInWaves() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 2000, 8, 4);
    long t0 = System.nanoTime();
    SampleSet s = solver(Map.of("num_reads", 6, "num_threads", 2))
        .solve(q, SolveRequest.seeded(3).withTimeLimitSeconds(0.6));
    double took = (System.nanoTime() - t0) / 1e9;
    assertThat(s.size()).isEqualTo(6);
    assertThat(took).isLessThan(1.5);
  }

  @Test
  void swapModeFindsTheGroupedOptimum() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 18, 9, 13);
    int[] groupOf = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2};
    Cardinality c = Cardinality.perGroup(groupOf, new int[] {2, 3, 1});
    SampleSet s = solver(Map.of()).solve(q, SolveRequest.seeded(8).withCardinality(c));
    assertThat(c.isSatisfiedBy(s.first().values(), Vartype.BINARY)).isTrue();
    assertThat(s.first().energy()).isEqualTo(BruteForce.minimum(q, c));
  }
}
