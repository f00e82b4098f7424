package io.qprune.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GsetTest {
  private static final int[][] TINY_EDGES = {{0, 1, 1}, {0, 2, 1}, {1, 2, -1}, {1, 3, 1}, {2, 3, 1}};

  @Test
  void energyIsMinusTheCutWeightForEveryPartition() {
    Qubo q = Gset.read(TestFiles.resource("tiny.rud"));
    assertThat(q.numVariables()).isEqualTo(4);
    for (int p = 0; p < 16; p++) {
      int[] x = Models.assignment(Vartype.BINARY, 4, p);
      int cut = 0;
      for (int[] e : TINY_EDGES) {
        cut += x[e[0]] != x[e[1]] ? e[2] : 0;
      }
      assertThat(-q.energy(x)).as("partition %s", p).isEqualTo(cut);
    }
  }

  @Test
  void writesTheGraphBackLineForLine() {
    String text = TestFiles.text("tiny.rud");
    Qubo q = Gset.read(new StringReader(text), "tiny.rud");
    assertThat(Gset.write(q)).isEqualTo(text);
    assertThat(Gset.read(new StringReader(Gset.write(q)), "again.rud")).isEqualTo(q);
  }

  @Test
  void writerRejectsModelsThatAreNotMaxCut() {
    assertThatThrownBy(() -> Gset.write(Models.integer(5, 0.8, 9, 3)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a max-cut QUBO")
        .hasMessageContaining("bqm-json or qbsolv");
    Qubo shifted = Qubo.builder(Vartype.BINARY, 2).addLinear(0, -1).addLinear(1, -1)
        .addQuadratic(0, 1, 2).addOffset(1).build();
    assertThatThrownBy(() -> Gset.write(shifted)).hasMessageContaining("offset is 1.0");
  }

  @Test
  void reportsMalformedLinesWithFileAndLine() {
    assertRejected("4\n1 2 1\n", 1, "expected the header 'n m' (vertices and edges), got '4'");
    assertRejected("3 2\n1 2 1\n", 3, "the header announces 2 edges but the file ends after 1; "
        + "the file looks truncated");
    assertRejected("3 1\n1 2 1\n2 3 1\n", 3, "unexpected '2 3 1' after the 1 edges");
    assertRejected("3 2\n1 2 1\n2 3\n", 3, "expected 3 numbers 'i j w', got '2 3' (edge 2 of 2)");
    assertRejected("3 1\n1 4 1\n", 2, "vertex j 4 is out of range 1..3");
    assertRejected("3 1\n2 2 1\n", 2, "self-loop on vertex 2");
    assertRejected("3 1\n1 2 nan\n", 2, "weight w must be a finite number, got 'nan'");
    assertRejected("3 1\n1 2 0x10\n", 2, "got '0x10'");
  }

  @Test
  void matchesThePublishedBestCuts() throws IOException {
    Map<String, String> best = new HashMap<>();
    for (String line : Files.readAllLines(TestFiles.sharedQubo("gset/best_solutions.tsv"))) {
      if (!line.startsWith("#")) {
        best.put(line.substring(0, line.indexOf('\t')), line);
      }
    }
    for (String graph : List.of("G1", "G6", "G81")) {
      Problem p = Problems.read(TestFiles.sharedQubo("gset/" + graph + ".gz"), null, 1);
      assertThat(p.name()).isEqualTo(graph);
      assertThat(p.format()).isEqualTo(ProblemFormat.GSET);
      String[] row = best.get(graph).split("\t");
      int[] x = row[3].chars().map(c -> c - '0').toArray();
      assertThat(p.objective(p.qubo().energy(x))).as(graph).isEqualTo(Double.parseDouble(row[1]));
    }
    Problem g1 = Problems.read(TestFiles.sharedQubo("gset/G1.gz"), ProblemFormat.GSET, 1);
    assertThat(best.get("G1")).contains("\t11624\t");
    assertThat(g1.objectiveName()).isEqualTo("cut weight (max)");
    assertThat(g1.maximise()).isTrue();
  }

  private static void assertRejected(String text, int line, String fragment) {
    FormatException e = catchThrowableOfType(FormatException.class,
        () -> Gset.read(new StringReader(text), "g.txt"));
    assertThat(e).as("expected a FormatException for %s", text).isNotNull();
    assertThat(e.getMessage()).contains(fragment);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
  }
}
