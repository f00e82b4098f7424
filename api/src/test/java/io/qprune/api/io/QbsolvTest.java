package io.qprune.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class QbsolvTest {
  @Test
  void readsNodesCouplersAndCommentsAsAMinimisationQubo() {
    Qubo q = Qbsolv.read(TestFiles.resource("tiny.qubo"));
    Qubo expected = Qubo.builder(Vartype.BINARY, 4).addLinear(0, -2).addLinear(1, 1.5)
        .addLinear(3, 4).addQuadratic(0, 1, -1.25).addQuadratic(1, 3, 3).build();
    assertThat(q).isEqualTo(expected);
  }

  @Test
  void roundTripsWithTheOffsetInAComment() {
    Qubo q = Models.awkward(Vartype.BINARY, 12, 0.4, 5, null);
    String text = Qbsolv.write(q);
    assertThat(text).startsWith("c offset 3.141592653589793\np qubo 0 12 12 ");
    assertThat(Qbsolv.read(new StringReader(text), "r.qubo")).isEqualTo(q);
    Qubo fixture = Qbsolv.read(TestFiles.resource("tiny.qubo"));
    assertThat(Qbsolv.read(new StringReader(Qbsolv.write(fixture)), "f.qubo")).isEqualTo(fixture);
  }

  @Test
  void writesSpinModelsAsTheEquivalentQuboAndDropsLabels() {
    Qubo spin = Models.awkward(Vartype.SPIN, 6, 0.6, 9, List.of("a", "b", "c", "d", "e", "f"));
    Qubo back = Qbsolv.read(new StringReader(Qbsolv.write(spin)), "s.qubo");
    assertThat(back.hasLabels()).isFalse();
    for (int p = 0; p < 64; p++) {
      double expected = spin.energy(Models.assignment(Vartype.SPIN, 6, p));
      assertThat(back.energy(Models.assignment(Vartype.BINARY, 6, p)))
          .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }
  }

  @Test
  void reportsMalformedFilesWithFileAndLine() {
    assertRejected("c hi\n0 0 1\n", 2, "expected the program line 'p qubo topology maxNodes nNodes nCouplers'");
    assertRejected("p qubo 0 3 2\n", 1, "expected the program line");
    assertRejected("p qubo 0 3 4 0\n", 1, "nNodes 4 is out of range 0..3");
    assertRejected("p qubo 0 3 2 1\n0 0 1\n0 1 2\n", 3, "expected node line 2 of 2 as 'i i v'");
    assertRejected("p qubo 0 3 2 1\n0 0 1\n0 0 2\n", 3, "node 0 is listed twice");
    assertRejected("p qubo 0 3 1 1\n0 0 1\n1 1 2\n", 3, "expected coupler 1 of 1 with i < j, got '1 1 2'");
    assertRejected("p qubo 0 3 1 2\n0 0 1\n0 1 2\n1 0 1\n", 4, "coupler (0, 1) is listed twice");
    assertRejected("p qubo 0 3 1 1\n0 0 1\n0 3 2\n", 3, "node j 3 is out of range 0..2");
    assertRejected("p qubo 0 3 1 1\n0 0 NaN\n", 2, "node weight must be a finite number, got 'NaN'");
    assertRejected("p qubo 0 3 1 2\n0 0 1\nc\n0 1 2\n", 5, "expected coupler line 'i j v' 2 of 2 but "
        + "the file ends; the file looks truncated");
    assertRejected("p qubo 0 3 1 0\n0 0 1\n1 2 3\n", 3, "unexpected '1 2 3' after the 1 nodes and 0 couplers");
    assertRejected("c offset abc\np qubo 0 1 0 0\n", 1, "offset must be a finite number, got 'abc'");
  }

  private static void assertRejected(String text, int line, String fragment) {
    FormatException e = catchThrowableOfType(FormatException.class,
        () -> Qbsolv.read(new StringReader(text), "q.qubo"));
    assertThat(e).as("expected a FormatException for %s", text).isNotNull();
    assertThat(e.getMessage()).contains(fragment);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
  }
}
