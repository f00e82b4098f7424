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
import io.qprune.solvers.local.internal.IntChain;
import io.qprune.solvers.local.internal.Replica;
import io.qprune.solvers.local.internal.Rng;
import io.qprune.solvers.local.internal.Rung;
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
    Rng rng = new Rng(3);
    Houdayer h = new Houdayer(m);
    boolean complement = false;
    for (Replica[] pair : List.of(new Replica[] {Chain.random(m, null, 1), Chain.random(m, null, 2)},
        new Replica[] {IntChain.random(m, 1), IntChain.random(m, 2)})) {
      Replica a = pair[0];
      Replica b = pair[1];
      Rung warm = Rung.of(m, 0.3, null);
      for (int k = 0; k < 20; k++) {
        double before = a.energy() + b.energy();
        byte[] union = a.bits().clone();
        int size = h.move(a, b, rng);
        assertThat(size).isPositive();
        complement |= h.swapped;
        assertThat(a.energy() + b.energy()).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.energy()).isCloseTo(m.energy(a.bits()), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.energy()).isCloseTo(m.energy(b.bits()), org.assertj.core.data.Offset.offset(1e-9));
        int moved = 0;
        for (int i = 0; i < m.n; i++) {
          moved += (h.swapped ? b : a).bits()[i] != union[i] ? 1 : 0;
        }
        assertThat(moved).as("the cluster, in the replica that holds a's state").isEqualTo(size);
        a.sweep(warm);
        b.sweep(warm);
      }
    }
    assertThat(complement).as("some cluster held most differing variables").isTrue();
  }

  @Test
  void theIntKernelTracksTheEnergyAndFollowsBoltzmann() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 300, 4, 12);
    BinaryForm m = BinaryForm.of(q);
    IntChain c = IntChain.random(m, 4);
    Rung cold = Rung.of(m, 3.0, null);
    Rung hot = Rung.of(m, 0.05, null);
    double hotSum = 0;
    double coldSum = 0;
    for (int k = 0; k < 200; k++) {
      c.sweep(hot);
      hotSum += c.energy();
      assertThat(c.energy()).isEqualTo(m.energy(c.bits()));
    }
    for (int k = 0; k < 200; k++) {
      c.sweep(cold);
      coldSum += c.energy();
    }
    assertThat(c.energy()).isEqualTo(m.energy(c.bits()));
    assertThat(coldSum).isLessThan(hotSum - 0.2 * Math.abs(hotSum));
    double e = c.energy();
    c.quench();
    assertThat(c.energy()).isLessThanOrEqualTo(e).isEqualTo(m.energy(c.bits()));
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
    double[] r = Ladder.range(q);
    assertThat(r[0]).isPositive().isLessThan(r[1]);
    double[] b = Ladder.geometric(r, 5);
    assertThat(b[0]).isEqualTo(r[0]);
    assertThat(b[4]).isCloseTo(r[1], org.assertj.core.data.Offset.offset(1e-12));
    assertThat(b[1] / b[0]).isCloseTo(b[3] / b[2], org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theHotEndSitsAboveTheBetheTemperatureOfARegularGraph() {
    // a ring with next-nearest neighbours: 4-regular, |J| = 1, so (4 − 1)·tanh²(β) = 1
    int n = 40;
    io.qprune.api.QuboBuilder qb = Qubo.builder(Vartype.SPIN, n);
    for (int i = 0; i < n; i++) {
      qb.addQuadratic(i, (i + 1) % n, i % 2 == 0 ? 1 : -1);
      qb.addQuadratic(i, (i + 2) % n, 1);
    }
    Qubo q = qb.build();
    double bc = 0.5 * Math.log((1 + 1 / Math.sqrt(3)) / (1 - 1 / Math.sqrt(3))); // artanh(1/√3)
    assertThat(Ladder.betheBeta(q, 10)).isCloseTo(bc, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(Ladder.range(q)[0]).isCloseTo(bc / Ladder.HOT, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void respacingMovesRungsTowardsEqualExchangeRates() {
    double[] betas = {1, 2, 3, 4, 5};
    double[] low = Ladder.respace(betas, new double[] {0.02, 0.5, 0.5, 0.5});
    assertThat(low[0]).isEqualTo(1);
    assertThat(low[4]).isEqualTo(5);
    assertThat(low[1]).as("the rung after the poor pair moves closer").isLessThan(2).isGreaterThan(1);
    for (int k = 1; k < 5; k++) {
      assertThat(low[k]).isGreaterThan(low[k - 1]);
    }
    assertThat(Ladder.respace(betas, new double[] {0.3, 0.3, 0.3, 0.3})).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void resizingCutsTheThermodynamicLengthAtTheTargetRateAndKeepsBothEnds() {
    assertThat(Ladder.erfc(0)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-7));
    assertThat(Ladder.erfc(1)).isCloseTo(0.157299207, org.assertj.core.data.Offset.offset(1e-7));
    assertThat(Ladder.length(Ladder.erfc(0.8))).isCloseTo(1.6, org.assertj.core.data.Offset.offset(1e-6));
    double[] betas = {1, 2, 3, 4, 5, 6};
    double t = Ladder.TARGET;
    assertThat(Ladder.resize(new double[] {1, 2, 3, 4}, new double[] {t, t, t})).containsExactly(1, 2, 3, 4);
    double[] poor = Ladder.resize(betas, new double[] {0.01, 0.01, 0.01, 0.01, 0.5});
    assertThat(poor.length).as("never more rungs than before").isEqualTo(6);
    double[] dense = Ladder.resize(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[] {0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6});
    assertThat(dense.length).as("pairs exchanging far above the target: fewer rungs").isBetween(4, 6);
    assertThat(poor[0]).isEqualTo(1);
    assertThat(poor[poor.length - 1]).isEqualTo(6);
    for (int k = 1; k < poor.length; k++) {
      assertThat(poor[k]).isGreaterThan(poor[k - 1]);
    }
    double[] free = Ladder.resize(betas, new double[] {0.9, 0.9, 0.9, 0.9, 0.9});
    assertThat(free).hasSize(Ladder.MIN_RUNGS);
    assertThat(free[Ladder.MIN_RUNGS - 1]).isEqualTo(6);
  }

  @Test
  void clusterMovesStayOnlyWhereClustersDoNotPercolate() {
    boolean[] at = {false, true, true, true};
    assertThat(PtSolver.keepClusters(new double[] {0, 0.2, 0.7, 0.4}, at)).isTrue();
    assertThat(at).containsExactly(false, true, false, true);
    boolean[] all = {true, true};
    assertThat(PtSolver.keepClusters(new double[] {0.9, 0.6}, all)).isFalse();
    assertThat(all).containsExactly(false, false);
  }

  @Test
  void remappingGivesEveryNewRungTheNearestStateAndCopiesHaveTheirOwnStream() {
    Qubo q = RandomModels.sparse(Vartype.SPIN, 50, 4, 9);
    BinaryForm m = BinaryForm.of(q);
    Replica[][] rung = {{IntChain.random(m, 1), IntChain.random(m, 2)}};
    Replica[][] out = PtSolver.remap(rung, new double[] {1, 4}, new double[] {1, 1.5, 3, 4}, 7);
    assertThat(out[0][0]).isSameAs(rung[0][0]);
    assertThat(out[0][1]).isNotSameAs(rung[0][0]);
    assertThat(out[0][1].bits()).isEqualTo(rung[0][0].bits()).isNotSameAs(rung[0][0].bits());
    assertThat(out[0][2]).isSameAs(rung[0][1]);
    assertThat(out[0][3].bits()).isEqualTo(rung[0][1].bits());
    Rung r = Rung.of(m, 0.5, null);
    out[0][1].sweep(r);
    out[0][0].sweep(r);
    assertThat(out[0][1].energy()).isEqualTo(m.energy(out[0][1].bits()));
    assertThat(out[0][1].bits()).as("a copy draws from its own stream").isNotEqualTo(out[0][0].bits());
  }
}
