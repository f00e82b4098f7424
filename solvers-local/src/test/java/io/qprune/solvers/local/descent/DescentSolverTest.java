package io.qprune.solvers.local.descent;

import static org.assertj.core.api.Assertions.assertThat;

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

class DescentSolverTest extends SolverConformance {

  @Override
  protected SolverProvider provider() {
    return new DescentProvider();
  }

  /** Many random starts: one of them lands in the optimum's basin on models this small. */
  @Override
  protected Map<String, Object> parameters() {
    return Map.of("num_reads", 3000);
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    return Map.of("num_reads", 1_000_000);
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("num_reads", 0), Map.of("num_threads", -3));
  }

  @Test
  void everyResultIsALocalMinimumNoWorseThanItsStart() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 500, 6, 21);
    int[][] starts = new int[3][500];
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < 500; i++) {
        starts[r][i] = ((i * 7 + r) % 3 == 0) ? 1 : -1;
      }
    }
    SampleSet s = solver(Map.of("initial_states", starts)).solve(q, SolveRequest.seeded(1));
    assertThat(s.size()).isEqualTo(3);
    double worstStart = Math.max(q.energy(starts[0]), Math.max(q.energy(starts[1]), q.energy(starts[2])));
    for (int r = 0; r < s.size(); r++) {
      int[] v = s.sample(r).values();
      double e = q.energy(v);
      assertThat(e).isLessThanOrEqualTo(worstStart);
      for (int i = 0; i < v.length; i++) {
        v[i] = -v[i];
        assertThat(q.energy(v)).as("flip %d of row %d", i, r).isGreaterThanOrEqualTo(e);
        v[i] = -v[i];
      }
    }
  }

  @Test
  void polishesAnotherSolversSampleWithoutMakingItWorse() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 300, 6, 2);
    int[] start = new int[300];
    SampleSet s = solver(Map.of("initial_states", new int[][] {start})).solve(q, SolveRequest.seeded(1));
    assertThat(s.first().energy()).isLessThanOrEqualTo(q.energy(start));
    assertThat((Long) s.info().properties().get("flips")).isPositive();
  }
}
