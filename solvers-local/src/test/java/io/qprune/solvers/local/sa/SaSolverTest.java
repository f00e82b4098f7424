package io.qprune.solvers.local.sa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

class SaSolverTest extends SolverConformance {

  @Override
  protected SolverProvider provider() {
    return new SaProvider();
  }

  @Override
  protected Map<String, Object> parameters() {
    return Map.of("num_reads", 8);
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    return Map.of("num_sweeps", 100_000_000);
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("num_reads", 0), Map.of("num_sweeps", 0),
        Map.of("beta_range", List.of(1.0)), Map.of("beta_schedule_type", "cubic"),
        Map.of("beta_schedule", List.of(0.1, 1.0)), Map.of("num_threads", -1),
        Map.of("layout", "csc"), Map.of("num_sweeps", 10, "num_sweeps_per_beta", 3));
  }

  @Test
  void defaultBetaRangeFollowsDwaveSamplers() {
    // triangle of unit couplings: every spin has |J| sum 2 and smallest bias 1 (three of them)
    Qubo q = Qubo.builder(Vartype.SPIN, 3).addQuadratic(0, 1, 1).addQuadratic(1, 2, 1)
        .addQuadratic(0, 2, 1).build();
    double[] r = BetaSchedule.defaultRange(q);
    assertThat(r[0]).isCloseTo(Math.log(2) / 4, within(1e-12));
    assertThat(r[1]).isCloseTo(Math.log(300) / 2, within(1e-12));
    assertThat(BetaSchedule.defaultRange(q.toBinary())[1]).isCloseTo(r[1], within(1e-12));
  }

  @Test
  void schedulesStartHotAndEndExactlyCold() {
    double[] g = BetaSchedule.interpolate(new double[] {0.1, 10}, 5, "geometric").toArray();
    assertThat(g).containsExactly(new double[] {0.1, 0.1 * Math.sqrt(10), 1, Math.sqrt(10), 10},
        within(1e-12));
    assertThat(BetaSchedule.interpolate(new double[] {0, 4}, 3, "linear").toArray()).containsExactly(0, 2, 4);
  }

  @Test
  void denseAndSparseLayoutsGiveIdenticalSamplesForTheSameSeed() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 70, 9, 4);
    SampleSet dense = solver(Map.of("num_reads", 4, "layout", "dense")).solve(q, SolveRequest.seeded(9));
    SampleSet sparse = solver(Map.of("num_reads", 4, "layout", "sparse")).solve(q, SolveRequest.seeded(9));
    assertThat(dense.info().properties()).containsEntry("kernel", "IntAnnealer");
    assertThat(dense.samples()).isEqualTo(sparse.samples());
  }

  @Test
  void realValuedBiasesUseTheDoubleKernelAndStillFindTheOptimum() {
    Qubo ints = RandomModels.dense(Vartype.SPIN, 16, 9, 12);
    io.qprune.api.QuboBuilder b = Qubo.builder(Vartype.SPIN, 16);
    for (int i = 0; i < 16; i++) {
      b.addLinear(i, ints.linear(i) * 0.37);
    }
    ints.forEachInteraction((i, j, v) -> b.addQuadratic(i, j, v * 0.37));
    Qubo q = b.build();
    SampleSet s = solver(Map.of("num_reads", 8)).solve(q, SolveRequest.seeded(3));
    assertThat(s.info().properties()).containsEntry("kernel", "DoubleAnnealer");
    assertThat(s.first().energy()).isCloseTo(BruteForce.minimum(q), within(1e-9));
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 300, 6, 2);
    SampleSet one = solver(Map.of("num_reads", 6, "num_threads", 1)).solve(q, SolveRequest.seeded(4));
    SampleSet three = solver(Map.of("num_reads", 6, "num_threads", 3)).solve(q, SolveRequest.seeded(4));
    assertThat(three.samples()).isEqualTo(one.samples());
    assertThat(one.size()).isEqualTo(6);
  }

  @Test
  void initialStatesAreUsedAndAFrozenScheduleKeepsALocalMinimum() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 40, 4, 8);
    int[] start = new int[40];
    java.util.Arrays.fill(start, -1);
    // a custom schedule frozen at beta 1e9 only takes downhill flips, as does the final quench
    SampleSet s = solver(Map.of("initial_states", new int[][] {start}, "beta_schedule_type", "custom",
        "beta_schedule", List.of(1e9))).solve(q, SolveRequest.seeded(1));
    assertThat(s.first().energy()).isLessThanOrEqualTo(q.energy(start));
  }

  @Test
  void rejectsInitialStatesOfTheWrongShapeOrValues() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 4, 2, 8);
    assertThatThrownBy(() -> solver(Map.of("initial_states", new int[][] {{1, 1, 1}}))
        .solve(q, SolveRequest.seeded(1))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("3 values");
    assertThatThrownBy(() -> solver(Map.of("initial_states", new int[][] {{1, 0, 1, 1}}))
        .solve(q, SolveRequest.seeded(1))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("value 0");
  }

  @Test
  void withATimeLimitAnnealsRepeatAndTheBestNumReadsAreKept() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 200, 6, 5);
    SampleSet s = solver(Map.of("num_reads", 3)).solve(q, SolveRequest.seeded(1).withTimeLimitSeconds(0.3));
    assertThat(s.size()).isEqualTo(3);
    assertThat((Long) s.info().properties().get("reads")).isGreaterThan(3L);
    assertThat(s.info().timeToBestSeconds()).isBetween(0.0, s.info().totalSeconds());
  }

  @Test
  void annealLengthsDoubleWhileTimeAllowsThenUseTheRest() {
    assertThat(SaSolver.nextLength(1000, 1e-6, 10)).isEqualTo(2000);
    assertThat(SaSolver.nextLength(1000, 1e-3, 5)).isEqualTo(4500);
  }

  @Test
  void cardinalityModeFindsTheConstrainedOptimumOfADenseModel() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 20, 9, 41);
    Cardinality c = Cardinality.exactly(7);
    SampleSet s = solver(Map.of("num_reads", 4)).solve(q, SolveRequest.seeded(6).withCardinality(c));
    assertThat(c.isSatisfiedBy(s.first().values(), Vartype.BINARY)).isTrue();
    assertThat(s.first().energy()).isEqualTo(BruteForce.minimum(q, c));
  }
}
