package io.qprune.api.io;

import static io.qprune.api.io.TestFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsTest {
  @TempDir
  Path dir;

  @Test
  void namesOrLibInstancesByFileAndNumber() {
    List<Problem> all = Problems.readAll(TestFiles.resource("tiny-bqp.txt"), null);
    assertThat(all).extracting(Problem::name).containsExactly("tiny-bqp-1", "tiny-bqp-2");
    Problem p = Problems.read(TestFiles.resource("tiny-bqp.txt"), ProblemFormat.ORLIB, 2);
    assertThat(p).isEqualTo(all.get(1));
    assertThat(p.maximise()).isTrue();
    assertThat(p.objective(-14)).isEqualTo(14);
    assertThatThrownBy(() -> Problems.read(TestFiles.resource("tiny-bqp.txt"), null, 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("tiny-bqp.txt holds 2 instances; instance 3 is out of range 1..2");
    assertThatThrownBy(() -> Problems.read(TestFiles.resource("tiny.qubo"), null, 0))
        .hasMessage("tiny.qubo holds 1 instance; instance 0 is out of range 1..1");
  }

  @Test
  void usesTheFileBaseNameAndKeepsEnergyAsTheObjectiveOfMinimisationFormats() {
    Problem q = Problems.read(TestFiles.resource("tiny.qubo"), null, 1);
    assertThat(q.name()).isEqualTo("tiny");
    assertThat(q.format()).isEqualTo(ProblemFormat.QBSOLV);
    assertThat(q.maximise()).isFalse();
    assertThat(q.objective(-2.5)).isEqualTo(-2.5);
    assertThat(q.objectiveName()).isEqualTo("energy");
    Problem j = Problems.read(TestFiles.resource("example-bqm.json"), null, 1);
    assertThat(j.name()).isEqualTo("example-bqm");
    assertThat(j.format()).isEqualTo(ProblemFormat.BQM_JSON);
  }

  @Test
  void writesEveryFormatSoThatItReadsBackEqual() {
    for (String fixture : List.of("tiny-bqp.txt", "tiny.rud", "tiny.qubo", "example-bqm.json")) {
      for (Problem p : Problems.readAll(TestFiles.resource(fixture), null)) {
        for (String suffix : List.of("", ".gz")) {
          Path out = dir.resolve("copy-" + fixture + suffix);
          Problems.write(p, out);
          List<Problem> back = Problems.readAll(out, p.format());
          assertThat(back).hasSize(1);
          assertThat(back.get(0).qubo()).as(fixture + suffix).isEqualTo(p.qubo());
        }
      }
    }
  }

  @Test
  void writesGzipWhenAskedAndReadsGzipByItsMagicBytes() throws IOException {
    Problem p = Problems.read(TestFiles.resource("tiny.qubo"), null, 1);
    Path gz = dir.resolve("t.qubo.gz");
    Problems.write(p, gz);
    byte[] head = Files.readAllBytes(gz);
    assertThat(head[0] & 0xff).isEqualTo(0x1f);
    assertThat(head[1] & 0xff).isEqualTo(0x8b);
    Path disguised = Files.copy(gz, dir.resolve("plain.qubo"));
    assertThat(Problems.read(disguised, null, 1).qubo()).isEqualTo(p.qubo());
  }

  @Test
  void replacesFilesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
    Problem p = Problems.read(TestFiles.resource("tiny.rud"), null, 1);
    Path out = TestFiles.write(dir, "graph.rud", "old content that is much longer than the new one\n".repeat(50));
    Problems.write(p, out);
    assertThat(Files.readString(out)).isEqualTo(TestFiles.text("tiny.rud"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
    Path notADirectory = TestFiles.write(dir, "plain-file", "x");
    assertThatThrownBy(() -> Problems.write(p, notADirectory.resolve("g.rud")))
        .isInstanceOf(QpruneException.class).hasMessageContaining("Cannot write");
  }

  @Test
  void convertsBetweenFormatsKeepingEnergies() {
    Problem json = Problems.read(TestFiles.resource("example-bqm.json"), null, 1);
    Path out = dir.resolve("example.qubo");
    Problems.write(json.withFormat(ProblemFormat.QBSOLV), out);
    Qubo back = Problems.read(out, null, 1).qubo();
    for (int p = 0; p < 8; p++) {
      int[] x = Models.assignment(Vartype.BINARY, 3, p);
      assertThat(back.energy(x)).isEqualTo(json.qubo().energy(x));
    }
    assertThatThrownBy(() -> Problems.write(json.withFormat(ProblemFormat.GSET), dir.resolve("x.rud")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a max-cut QUBO");
    assertThatThrownBy(() -> Problem.of(" ", json.qubo(), ProblemFormat.GSET))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("non-blank name");
  }

  @Test
  void rejectsEmptyBinaryAndCorruptGzipFiles() throws IOException {
    Path empty = TestFiles.write(dir, "empty.qubo", "");
    assertThatThrownBy(() -> Problems.readAll(empty, null)).isInstanceOf(FormatException.class)
        .hasMessage("empty.qubo: the file is empty; check that it was written completely");
    Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {'1', '\n', 0, 7, 9});
    assertThatThrownBy(() -> Problems.readAll(binary, ProblemFormat.ORLIB))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("bin.txt: looks like a binary file, not text (it contains a NUL byte at offset 2)");
    Path latin1 = Files.write(dir.resolve("latin.qubo"), new byte[] {'c', ' ', (byte) 0xe9, '\n'});
    assertThatThrownBy(() -> Problems.readAll(latin1, null)).hasMessageContaining("not UTF-8");
    Path corrupt = Files.write(dir.resolve("bad.qubo.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    assertThatThrownBy(() -> Problems.readAll(corrupt, null)).isInstanceOf(FormatException.class)
        .hasMessageContaining("cannot be decompressed");
    assertThatThrownBy(() -> Problems.readAll(dir.resolve("nope.qubo"), null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("File not found");
  }

  @Test
  void bundledExamplesAreValidAndInCanonicalForm() throws IOException {
    Path examples = TestFiles.repoRoot().resolve("examples");
    List<Problem> bqp = Problems.readAll(examples.resolve("bqp20.txt"), null);
    assertThat(bqp).hasSize(1);
    assertThat(bqp.get(0).name()).isEqualTo("bqp20-1");
    Qubo q = bqp.get(0).qubo();
    assertThat(q.numVariables()).isEqualTo(20);
    List<String> lines = Files.readAllLines(examples.resolve("bqp20.txt"));
    for (String line : lines.subList(2, lines.size())) {
      int coefficient = Integer.parseInt(line.split(" ")[2]);
      assertThat(coefficient).isBetween(-100, 100).isNotZero();
    }
    double density = (lines.size() - 2) / (20.0 * 21 / 2);
    assertThat(density).isBetween(0.2, 0.4);

    Path k12 = examples.resolve("k12.json");
    Problem k = Problems.read(k12, null, 1);
    assertThat(k.name()).isEqualTo("k12");
    assertThat(k.qubo().numVariables()).isEqualTo(12);
    assertThat(k.qubo().numInteractions()).isEqualTo(66);
    assertThat(k.qubo().labels()).allMatch(l -> l instanceof String);
    assertThat(tree(BqmJson.write(k.qubo()))).isEqualTo(tree(Files.readString(k12)));
  }
}
