package io.qprune.solvers.remote.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chain strength, auto-scaling, energy preservation on intact chains, majority vote and exact-k repair. */
class EmbeddedProblemTest {
  @Test
  void uniformTorqueCompensationIsOceansFormula() {
    Qubo ising = Qubo.builder(io.qprune.api.Vartype.SPIN, 3).addQuadratic(0, 1, 1).addQuadratic(1, 2, -1)
        .addQuadratic(0, 2, 2).build();
    // rms(J) = sqrt(2), mean degree 2: 1.414 * sqrt(2) * sqrt(2)
    assertThat(EmbeddedProblem.uniformTorqueCompensation(ising, 1.414)).isCloseTo(2.828, within(1e-12));
    assertThat(EmbeddedProblem.uniformTorqueCompensation(Qubo.builder(2).build(), 1.414)).isEqualTo(1.0);
  }

  @Test
  void intactChainsKeepTheLogicalEnergyAndTheRangesBind() {
    HardwareGraph g = EmbeddingValidityTest.faulty(Pegasus.of(4), 4, 1);
    Qubo q = EmbeddingValidityTest.random(14, 0.6, 3);
    Embedding e = Embedder.embed(q, g, new Embedder.Options("clique", 0.5, 1, 10));
    EmbeddedProblem p = EmbeddedProblem.of(q, e, g, Double.NaN, new double[] {-4, 4}, new double[] {-1, 1});
    Qubo phys = p.physical();
    double[] maxH = {0};
    double[] maxJ = {0};
    phys.forEachInteraction((i, j, b) -> {
      assertThat(g.adjacent(g.node((Integer) phys.label(i)), g.node((Integer) phys.label(j)))).isTrue();
      maxJ[0] = Math.max(maxJ[0], Math.abs(b));
    });
    for (int i = 0; i < phys.numVariables(); i++) {
      maxH[0] = Math.max(maxH[0], Math.abs(phys.linear(i)));
    }
    assertThat(maxH[0] <= 4 + 1e-9 && maxJ[0] <= 1 + 1e-9).isTrue();
    assertThat(Math.abs(maxH[0] - 4) < 1e-9 || Math.abs(maxJ[0] - 1) < 1e-9).as("auto_scale uses the range").isTrue();
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      int[] x = new int[q.numVariables()];
      int[] spins = new int[phys.numVariables()];
      for (int v = 0; v < x.length; v++) {
        x[v] = r.nextInt(2);
        for (int qb : e.chain(v)) {
          spins[phys.indexOf(qb)] = x[v] == 1 ? 1 : -1;
        }
      }
      assertThat(phys.energy(spins) / p.scale()).isCloseTo(q.energy(x), within(1e-9));
      EmbeddedProblem.Unembedded u = p.unembed(spins, r, null);
      assertThat(u.values()).containsExactly(x);
      assertThat(u.chainBreakFraction()).isZero();
    }
  }

  @Test
  void majorityVoteCountsBrokenChainsAndRepairHitsK() {
    HardwareGraph g = Pegasus.of(4).graph();
    Qubo q = EmbeddingValidityTest.random(10, 0.7, 8);
    Embedding e = Embedder.embed(q, g, new Embedder.Options("clique", 0.5, 1, 10));
    EmbeddedProblem p = EmbeddedProblem.of(q, e, g, 3.0, null, null);
    assertThat(p.chainStrength()).isEqualTo(3.0);
    assertThat(p.scale()).isEqualTo(1.0);
    int[] spins = new int[p.physical().numVariables()];
    Arrays.fill(spins, 1);
    int[] c0 = e.chain(0);
    spins[p.physical().indexOf(c0[0])] = -1; // one qubit of chain 0 flipped: still +1 by majority
    EmbeddedProblem.Unembedded u = p.unembed(spins, new SplittableRandom(1), null);
    assertThat(u.values()[0]).isEqualTo(1);
    assertThat(u.chainBreakFraction()).isEqualTo(0.1);
    for (int k = 0; k <= 10; k += 3) {
      int[] v = p.unembed(spins, new SplittableRandom(1), Cardinality.exactly(k)).values();
      assertThat(Arrays.stream(v).sum()).isEqualTo(k);
    }
  }
}
