package io.qprune.solvers.remote.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Clique and heuristic embeddings of many random models are valid on perfect and faulty lattices. */
class EmbeddingValidityTest {
  static Qubo random(int n, double p, long seed) {
    Random r = new Random(seed);
    QuboBuilder b = Qubo.builder(n);
    for (int i = 0; i < n; i++) {
      b.addLinear(i, r.nextGaussian());
      for (int j = i + 1; j < n; j++) {
        if (r.nextDouble() < p) {
          b.addQuadratic(i, j, r.nextGaussian() + 0.1);
        }
      }
    }
    return b.build();
  }

  static HardwareGraph faulty(Lattice l, int missing, long seed) {
    HardwareGraph g = l.graph();
    Random r = new Random(seed);
    Set<Integer> gone = new HashSet<>();
    while (gone.size() < missing) {
      gone.add(g.qubit(r.nextInt(g.size())));
    }
    return g.without(gone);
  }

  @Test
  void cliqueChainsArePairwiseCoupledOnFaultyLatticesAndAvoidMissingQubits() {
    for (Lattice l : new Lattice[] {Pegasus.of(6), Zephyr.of(4, 4)}) {
      int perfect = CliqueEmbedder.largestClique(l.graph()).size();
      for (int seed = 0; seed < 5; seed++) {
        HardwareGraph g = faulty(l, 10, seed);
        List<int[]> chains = CliqueEmbedder.largestClique(g);
        assertThat(chains.size()).isLessThanOrEqualTo(perfect).isGreaterThan(perfect / 2);
        Qubo full = random(chains.size(), 1.0, seed);
        assertThat(Embedding.of(chains, "clique").problems(full.adjacency(), g)).as("%s seed %d", l, seed).isEmpty();
      }
    }
  }

  @Test
  void forcedCliqueEmbedsDenseRandomModelsAndRefusesTooLargeOnes() {
    HardwareGraph g = faulty(Pegasus.of(6), 5, 7);
    for (int seed = 0; seed < 10; seed++) {
      Qubo q = random(10 + 4 * seed, 0.3 + 0.07 * seed, seed);
      Embedding e = Embedder.embed(q, g, new Embedder.Options("clique", 0.5, seed, 20));
      assertThat(e.problems(q.adjacency(), g)).isEmpty();
      assertThat(e.method()).isEqualTo("clique");
    }
    assertThatThrownBy(() -> Embedder.embed(random(80, 0.9, 1), g, new Embedder.Options("clique", 0.5, 1, 20)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("largest native clique");
  }

  @Test
  void heuristicEmbedsSparseRandomModels() {
    HardwareGraph g = faulty(Pegasus.of(6), 6, 3);
    for (int seed = 0; seed < 12; seed++) {
      Qubo q = random(12 + 2 * seed, 3.0 / (12 + 2 * seed), seed);
      Embedding e = Embedder.embed(q, g, new Embedder.Options("heuristic", 0.5, seed, 30));
      assertThat(e.problems(q.adjacency(), g)).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void heuristicIsSeededAndWorksWithoutALattice() {
    HardwareGraph p = Pegasus.of(4).graph();
    HardwareGraph plain = HardwareGraph.of(java.util.stream.IntStream.range(0, p.size()).map(p::qubit).toArray(),
        p.couplers(), null);
    Qubo q = random(20, 0.15, 5);
    Embedding a = Embedder.embed(q, plain, new Embedder.Options("auto", 0.5, 9, 30));
    Embedding b = Embedder.embed(q, plain, new Embedder.Options("auto", 0.5, 9, 30));
    assertThat(a.method()).isEqualTo("heuristic");
    for (int v = 0; v < q.numVariables(); v++) {
      assertThat(a.chain(v)).containsExactly(b.chain(v));
    }
  }

  @Test
  void autoGivesDenseBlocksCliqueChainsAndSparseOnesTheHeuristic() {
    // three within-layer cliques (a pruning QUBO's shape) plus a sparse path
    int[] sizes = {8, 12, 6};
    QuboBuilder b = Qubo.builder(26 + 10);
    int at = 0;
    for (int s : sizes) {
      for (int i = 0; i < s; i++) {
        for (int j = i + 1; j < s; j++) {
          b.addQuadratic(at + i, at + j, 0.5);
        }
      }
      at += s;
    }
    for (int i = 26; i < 35; i++) {
      b.addQuadratic(i, i + 1, -1);
    }
    Qubo q = b.build();
    HardwareGraph g = faulty(Pegasus.of(6), 8, 2);
    Embedding e = Embedder.embed(q, g, new Embedder.Options("auto", 0.5, 1, 30));
    assertThat(e.method()).isEqualTo("clique+heuristic");
    assertThat(e.problems(q.adjacency(), g)).isEmpty();
    assertThat(e.chain(30).length).isLessThan(e.chain(0).length);
  }

  @Test
  void autoGivesSparsePruningLayersTheCliqueChainsLeft() {
    Random r = new Random(4);
    int[] sizes = {16, 14, 12}; // each unit linked to 3 others of its layer: density < 0.5, mean degree >= 4
    QuboBuilder b = Qubo.builder(42);
    int at = 0;
    for (int s : sizes) {
      for (int i = 0; i < s; i++) {
        b.addLinear(at + i, -1);
        for (int t = 0; t < 3; t++) {
          int j = r.nextInt(s);
          if (j != i) {
            b.addQuadratic(at + i, at + j, 0.1 + r.nextDouble());
          }
        }
      }
      at += s;
    }
    Qubo q = b.build();
    for (int[] comp : Embedder.components(q.adjacency())) {
      assertThat(Embedder.density(comp, q.adjacency())).isLessThan(0.5);
      assertThat(Embedder.meanDegree(comp, q.adjacency())).isGreaterThanOrEqualTo(4);
    }
    HardwareGraph g = Pegasus.of(6).graph();
    Embedding e = Embedder.embed(q, g, new Embedder.Options("auto", 0.5, 1, 30));
    assertThat(e.method()).isEqualTo("clique");
    assertThat(e.problems(q.adjacency(), g)).isEmpty();
  }

  @Test
  void theCheckNamesWhatIsWrong() {
    HardwareGraph g = Pegasus.of(3).graph();
    Qubo q = Qubo.builder(2).addQuadratic(0, 1, 1).build();
    int a = g.qubit(0);
    int far = -1;
    for (int n = 1; n < g.size() && far < 0; n++) {
      if (!g.adjacent(0, n)) {
        far = g.qubit(n);
      }
    }
    Embedding e = Embedding.of(List.of(new int[] {a}, new int[] {far}), "test");
    assertThat(e.problems(q.adjacency(), g)).singleElement().asString().contains("no coupler");
    Embedding overlap = Embedding.of(List.of(new int[] {a}, new int[] {a}), "test");
    assertThat(overlap.problems(q.adjacency(), g)).anyMatch(s -> s.contains("in the chains of variables 0 and 1"));
    Embedding broken = Embedding.of(List.of(new int[] {a, far}, new int[] {-5}), "test");
    assertThat(broken.problems(q.adjacency(), g)).anyMatch(s -> s.contains("not connected"))
        .anyMatch(s -> s.contains("not a working qubit"));
  }
}
