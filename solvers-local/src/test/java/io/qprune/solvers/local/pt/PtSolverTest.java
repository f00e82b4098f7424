package io.qprune.solvers.local.pt;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Vartype;
import io.qprune.api.spi.SolverProvider;
import io.qprune.api.testing.BruteForce;
import io.qprune.api.testing.RandomModels;
import io.qprune.api.testing.SolverConformance;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Chain;
import io.qprune.solvers.local.internal.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PtSolverTest extends SolverConformance {

  @Override
  protected SolverProvider provider() {
    return new PtProvider();
  }

  @Override
  protected Map<String, Object> longRunParameters() {
    return Map.of("num_sweeps", 1_000_000_000);
  }

  @Override
  protected List<Map<String, Object>> invalidParameters() {
    return List.of(Map.of("num_temperatures", 1), Map.of("beta_range", List.of(5.0, 1.0)),
        Map.of("beta_range", List.of(0.0, 1.0)), Map.of("cluster_moves", "maybe"),
        Map.of("cluster_fraction", 1.5), Map.of("num_threads", 0), Map.of("sweeps_per_exchange", 0),
        Map.of("target_energy", "low"));
  }

  @Test
  void sameSeedGivesTheSameSamplesWhateverTheThreadCount() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 300, 4, 21);
    SampleSet one = solver(Map.of("num_sweeps", 200)).solve(q, SolveRequest.seeded(6));
    SampleSet three = solver(Map.of("num_sweeps", 200, "num_threads", 3)).solve(q, SolveRequest.seeded(6));
    assertThat(three.samples()).isEqualTo(one.samples());
    assertThat(three.info().properties()).containsEntry("threads", 3);
    assertThat(((Number) one.info().properties().get("cluster_moves")).longValue()).isPositive();
  }

  @Test
  void stopsAtTheTargetEnergy() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 400, 4, 5);
    SampleSet full = solver(Map.of("num_sweeps", 2000)).solve(q, SolveRequest.seeded(1));
    double easy = full.first().energy() * 0.5; // a negative energy every replica reaches quickly
    SampleSet early = solver(Map.of("num_sweeps", 2000, "target_energy", easy)).solve(q, SolveRequest.seeded(1));
    assertThat(early.first().energy()).isLessThanOrEqualTo(easy);
    assertThat(early.info().properties()).containsEntry("reached_target", true);
    assertThat((Long) early.info().properties().get("sweeps")).isLessThan(2000L);
  }

  @Test
  void clusterMovesKeepTheSumOfTheTwoEnergies() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 200, 3, 8);
    BinaryForm m = BinaryForm.of(q);
    Chain a = Chain.random(m, null, 1);
    Chain b = Chain.random(m, null, 2);
    Houdayer h = new Houdayer(m);
    Rng rng = new Rng(3);
    for (int k = 0; k < 20; k++) {
      double before = a.energy() + b.energy();
      int size = h.move(a, b, rng);
      assertThat(size).isPositive();
      assertThat(a.energy() + b.energy()).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(a.energy()).isCloseTo(m.energy(a.bits()), org.assertj.core.data.Offset.offset(1e-9));
      a.sweep(0.3, null);
      b.sweep(0.3, null);
    }
  }

  @Test
  void exactCardinalityOnALargerModelKeepsTheCountAndBeatsRandomStates() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 60, 9, 14);
    Cardinality c = Cardinality.exactly(20);
    SampleSet s = solver(Map.of("num_sweeps", 300)).solve(q, SolveRequest.seeded(2).withCardinality(c));
    for (int r = 0; r < s.size(); r++) {
      assertThat(c.isSatisfiedBy(s.sample(r).values(), Vartype.BINARY)).isTrue();
    }
    assertThat(s.info().properties()).containsEntry("cluster_moves", 0L);
  }

  @Test
  void defaultLadderRunsFromHotToCold() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 50, 4, 3);
    double[] r = Ladder.defaultRange(q);
    assertThat(r[0]).isPositive().isLessThan(r[1]);
    double[] b = Ladder.geometric(r, 5);
    assertThat(b[0]).isEqualTo(r[0]);
    assertThat(b[4]).isCloseTo(r[1], org.assertj.core.data.Offset.offset(1e-12));
    assertThat(b[1] / b[0]).isCloseTo(b[3] / b[2], org.assertj.core.data.Offset.offset(1e-9));
  }
}
