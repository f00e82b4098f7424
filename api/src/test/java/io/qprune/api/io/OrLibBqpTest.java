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

class OrLibBqpTest {
  @Test
  void readsEveryInstanceAsTheMinimisationOfXtQx() {
    List<Qubo> all = OrLibBqp.read(TestFiles.resource("tiny-bqp.txt"));
    assertThat(all).hasSize(2);
    Qubo q = all.get(0);
    assertThat(q.numVariables()).isEqualTo(3);
    assertThat(q.linearBiases()).containsExactly(-5, 0, 1);
    assertThat(q.quadratic(0, 1)).isEqualTo(6);
    assertThat(q.quadratic(1, 2)).isEqualTo(-8);
    // x'Qx with Q symmetric: q11=5, q12=q21=-3, q23=q32=4, q33=-1
    double[][] m = {{5, -3, 0}, {-3, 0, 4}, {0, 4, -1}};
    for (int p = 0; p < 8; p++) {
      int[] x = Models.assignment(Vartype.BINARY, 3, p);
      double xqx = 0;
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          xqx += m[i][j] * x[i] * x[j];
        }
      }
      assertThat(-q.energy(x)).isEqualTo(xqx);
    }
    assertThat(all.get(1).quadratic(0, 1)).isEqualTo(-14);
  }

  @Test
  void roundTripsEachInstanceAndRandomModels() {
    for (Qubo q : OrLibBqp.read(TestFiles.resource("tiny-bqp.txt"))) {
      assertThat(OrLibBqp.read(new StringReader(OrLibBqp.write(q)), "w.txt")).containsExactly(q);
    }
    for (long seed = 0; seed < 5; seed++) {
      Qubo q = Models.integer(15, 0.4, 100, seed);
      String text = OrLibBqp.write(q);
      assertThat(OrLibBqp.read(new StringReader(text), "w.txt")).containsExactly(q);
      assertThat(text).startsWith("1\n15 ");
    }
  }

  @Test
  void writerRejectsAnOffsetAndConvertsSpin() {
    Qubo withOffset = Qubo.builder(Vartype.BINARY, 2).addLinear(0, 1).addOffset(3).build();
    assertThatThrownBy(() -> OrLibBqp.write(withOffset)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("offset is 3.0").hasMessageContaining("bqm-json or qbsolv");
    Qubo spin = Qubo.builder(Vartype.SPIN, 2).addQuadratic(0, 1, 1).addOffset(-1).build(); // as BINARY: offset 0
    Qubo back = OrLibBqp.read(new StringReader(OrLibBqp.write(spin)), "s.txt").get(0);
    for (int p = 0; p < 4; p++) {
      assertThat(back.energy(Models.assignment(Vartype.BINARY, 2, p)))
          .isEqualTo(spin.energy(Models.assignment(Vartype.SPIN, 2, p)));
    }
  }

  @Test
  void reportsMalformedLinesWithFileAndLine() {
    assertRejected("2\n3 4\n1 1 5\n3 4\n", 4,
        "bad.txt line 4: expected 3 numbers 'i j q', got '3 4' (entry 2 of 4 of instance 1)");
    assertRejected("1\n3 4\n1 1 5\n", 4, "instance 1 (header at line 2) announces 4 entries but "
        + "the file ends after 1; the file looks truncated");
    assertRejected("1\n2 1\n1 2 3\n2 2 1\n", 4, "unexpected '2 2 1' after the last of the 1 instances");
    assertRejected("2\n2 1\n1 2 3\n2 2 1\n", 4, "expected the header 'n nnz' of instance 2 of 2, "
        + "got '2 2 1'; instance 1 may have more entries");
    assertRejected("2\n2 1\n1 2 3\n", 4, "expected the header 'n nnz' of instance 2 of 2; the file looks truncated");
    assertRejected("1\n2 1\n1 3 5\n", 3, "index j 3 is out of range 1..2");
    assertRejected("1\n2 1\n0 1 5\n", 3, "index i 0 is out of range 1..2");
    assertRejected("1\n2 1\n1 2.0 5\n", 3, "index j must be an integer, got '2.0'");
    assertRejected("1\n2 1\n1 2 x\n", 3, "coefficient q must be a finite number, got 'x'");
    assertRejected("1\n2 1\n1 2 NaN\n", 3, "got 'NaN'");
    assertRejected("1\n2 1\n1 2 1e999\n", 3, "got '1e999'");
    assertRejected("50 111\n1 2 3\n", 1, "expected the number of instances");
    assertRejected("0\n", 1, "number of instances 0 is out of range");
    assertRejected("1\n-3 1\n", 2, "n (number of variables) -3 is out of range");
    assertRejected("\n\n  \n", 0, "the file is empty");
  }

  @Test
  void matchesThePublishedBestObjectives() throws IOException {
    Map<String, String> best = bestSolutions();
    for (String file : List.of("bqp50.txt", "bqp100.txt", "bqp250.txt")) {
      List<Problem> all = Problems.readAll(TestFiles.sharedQubo("orlib_bqp/" + file), null);
      assertThat(all).hasSize(10);
      for (Problem p : all) {
        String[] row = best.get(p.name()).split("\t");
        int[] x = row[3].chars().map(c -> c - '0').toArray();
        assertThat(p.objective(p.qubo().energy(x))).as(p.name()).isEqualTo(Double.parseDouble(row[1]));
      }
    }
    Problem p = Problems.read(TestFiles.sharedQubo("orlib_bqp/bqp500.gz"), ProblemFormat.ORLIB, 2);
    int[] x = best.get("bqp500-2").split("\t")[3].chars().map(c -> c - '0').toArray();
    assertThat(p.objective(p.qubo().energy(x))).isEqualTo(128339); // the disputed best-known value
    assertThat(p.objectiveName()).isEqualTo("x'Qx (max)");
  }

  private static Map<String, String> bestSolutions() throws IOException {
    Map<String, String> best = new HashMap<>();
    for (String line : Files.readAllLines(TestFiles.sharedQubo("orlib_bqp/best_solutions.tsv"))) {
      if (!line.startsWith("#")) {
        best.put(line.substring(0, line.indexOf('\t')), line);
      }
    }
    return best;
  }

  private static void assertRejected(String text, int line, String fragment) {
    FormatException e = catchThrowableOfType(FormatException.class,
        () -> OrLibBqp.read(new StringReader(text), "bad.txt"));
    assertThat(e).as("expected a FormatException for %s", text).isNotNull();
    assertThat(e.getMessage()).contains(fragment);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
  }
}
