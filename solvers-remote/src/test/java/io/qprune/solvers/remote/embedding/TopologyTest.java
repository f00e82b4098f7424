package io.qprune.solvers.remote.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pegasus and Zephyr graphs against their published counts and independent invariants. */
class TopologyTest {
  @Test
  void pegasus16HasAdvantagesFullYieldCounts() {
    HardwareGraph g = Pegasus.of(16).graph();
    // 24 m (m-1) = 5760 indices; fabric_only drops the 2 x 2 x 2 x 15 = 120 boundary qubits
    assertThat(Pegasus.of(16).indexSpace()).isEqualTo(5760);
    assertThat(g.size()).isEqualTo(5640);
    assertThat(g.numEdges()).isEqualTo(40484);
    assertThat(g.maxDegree()).isEqualTo(15);
  }

  @Test
  void pegasusInternalCouplersAreExactlyTheCrossingSegments() {
    Pegasus p = Pegasus.of(6);
    HardwareGraph g = p.graph();
    int internal = 0;
    for (int a = 0; a < g.size(); a++) {
      for (int b = a + 1; b < g.size(); b++) {
        Lattice.Segment s = p.segment(g.qubit(a));
        Lattice.Segment t = p.segment(g.qubit(b));
        if (s.orientation() != t.orientation()) {
          boolean cross = s.covers(t.track()) && t.covers(s.track());
          assertThat(g.adjacent(a, b)).as("%s %s", s, t).isEqualTo(cross);
          internal += cross ? 1 : 0;
        }
      }
    }
    assertThat(internal).isGreaterThan(0);
  }

  @Test
  void zephyrMatchesTheFormulas() {
    for (int m = 1; m <= 15; m += 7) {
      for (int t : new int[] {2, 4}) {
        HardwareGraph g = Zephyr.of(m, t).graph();
        assertThat(g.size()).isEqualTo(4 * t * m * (2 * m + 1));
        long edges = m == 1 ? 2L * t * (8 * t + 3) : 2L * t * ((8L * t + 8) * m * m - 2 * m - 3);
        assertThat(g.numEdges()).as("Z(%d,%d)", m, t).isEqualTo(edges);
        assertThat(g.maxDegree()).isEqualTo(m == 1 ? 4 * t + 1 : 4 * t + 4);
      }
    }
    assertThat(Zephyr.of(15, 4).graph().size()).isEqualTo(7440);
    assertThat(Zephyr.of(15, 4).graph().numEdges()).isEqualTo(71736);
  }

  @Test
  void zephyrInternalCouplersAreExactlyTheCrossingSegments() {
    Zephyr z = Zephyr.of(3, 2);
    HardwareGraph g = z.graph();
    for (int a = 0; a < g.size(); a++) {
      for (int b = a + 1; b < g.size(); b++) {
        Lattice.Segment s = z.segment(g.qubit(a));
        Lattice.Segment t = z.segment(g.qubit(b));
        if (s.orientation() != t.orientation()) {
          assertThat(g.adjacent(a, b)).isEqualTo(s.covers(t.track()) && t.covers(s.track()));
        }
      }
    }
  }

  @Test
  void cliquesOnTheFullLattices() {
    for (Lattice l : new Lattice[] {Pegasus.of(16), Zephyr.of(15, 4), Pegasus.of(6), Zephyr.of(4, 4)}) {
      var chains = CliqueEmbedder.largestClique(l.graph());
      int max = chains.stream().mapToInt(c -> c.length).max().orElse(0);
      System.out.println(l + ": K_" + chains.size() + " max chain " + max);
    }
  }
}
