package io.qprune.solvers.local.pa;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Vartype;
import io.qprune.api.spi.SolverProvider;
import io.qprune.api.testing.RandomModels;
import io.qprune.api.testing.SolverConformance;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Chain;
import io.qprune.solvers.local.internal.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaSolverTest extends SolverConformance {

  @Override
  protected SolverProvider provider() {
    return new PaProvider();
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    return Map.of("population", 1000, "sweeps_per_temperature", 1_000_000);
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("population", 1), Map.of("num_temperatures", 1), Map.of("sweeps_per_temperature", 0),
        Map.of("beta_range", List.of(3.0, 1.0)), Map.of("num_threads", 0), Map.of("target_energy", "low"));
  }

  @Test
  void sameSeedGivesTheSameSamplesWhateverTheThreadCount() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 200, 4, 3);
    Map<String, Object> p = Map.of("population", 40, "num_temperatures", 30, "sweeps_per_temperature", 2);
    SampleSet one = solver(p).solve(q, SolveRequest.seeded(8));
    SampleSet two = solver(Map.of("population", 40, "num_temperatures", 30, "sweeps_per_temperature", 2,
        "num_threads", 2)).solve(q, SolveRequest.seeded(8));
    assertThat(two.samples()).isEqualTo(one.samples());
  }

  @Test
  void resamplingFavoursLowEnergiesAndKeepsThePopulationNearItsTarget() {
    BinaryForm m = BinaryForm.of(RandomModels.sparse(Vartype.SPIN, 100, 4, 5));
    List<Chain> pop = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      pop.add(Chain.random(m, null, i));
    }
    double meanBefore = pop.stream().mapToDouble(Chain::energy).average().orElseThrow();
    List<Chain> next = PaSolver.resample(pop, 0.2, 400, new Rng(1));
    double meanAfter = next.stream().mapToDouble(Chain::energy).average().orElseThrow();
    assertThat(next.size()).isBetween(340, 460);
    assertThat(meanAfter).isLessThan(meanBefore);
    assertThat(PaSolver.resample(pop, 0.0, 400, new Rng(1))).hasSize(400); // equal weights: one copy each
  }
}
