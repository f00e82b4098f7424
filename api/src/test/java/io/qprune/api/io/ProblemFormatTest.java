package io.qprune.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemFormatTest {
  @TempDir
  Path dir;

  @Test
  void parsesCliNamesCaseInsensitively() {
    assertThat(ProblemFormat.parse("bqm-json")).isEqualTo(ProblemFormat.BQM_JSON);
    assertThat(ProblemFormat.parse("BQM_JSON")).isEqualTo(ProblemFormat.BQM_JSON);
    assertThat(ProblemFormat.parse(" OrLib ")).isEqualTo(ProblemFormat.ORLIB);
    assertThat(ProblemFormat.parse("gset")).isEqualTo(ProblemFormat.GSET);
    assertThat(ProblemFormat.parse("QBSOLV")).isEqualTo(ProblemFormat.QBSOLV);
    assertThat(ProblemFormat.QBSOLV.cliName()).isEqualTo("qbsolv");
    assertThatThrownBy(() -> ProblemFormat.parse("json")).isInstanceOf(InvalidInputException.class)
        .hasMessage("Unknown problem format 'json'. Expected one of: bqm-json, orlib, gset, qbsolv.");
    assertThatThrownBy(() -> ProblemFormat.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void detectsByNameWithoutReading() {
    assertThat(ProblemFormat.detect(dir.resolve("bqp50.txt"))).isEqualTo(ProblemFormat.ORLIB);
    assertThat(ProblemFormat.detect(dir.resolve("bqp1000.gz"))).isEqualTo(ProblemFormat.ORLIB);
    assertThat(ProblemFormat.detect(dir.resolve("G22.gz"))).isEqualTo(ProblemFormat.GSET);
    assertThat(ProblemFormat.detect(dir.resolve("G81.txt"))).isEqualTo(ProblemFormat.GSET);
    assertThat(ProblemFormat.detect(dir.resolve("g1.rud"))).isEqualTo(ProblemFormat.GSET);
    assertThat(ProblemFormat.detect(dir.resolve("torus.rud.gz"))).isEqualTo(ProblemFormat.GSET);
    assertThat(ProblemFormat.detect(dir.resolve("model.json.gz"))).isEqualTo(ProblemFormat.BQM_JSON);
    assertThat(ProblemFormat.detect(dir.resolve("X.QUBO"))).isEqualTo(ProblemFormat.QBSOLV);
  }

  @Test
  void sniffsContentWhenTheNameDoesNotTell() throws Exception {
    assertThat(ProblemFormat.detect(TestFiles.write(dir, "a.txt", "1\n2 1\n1 2 3\n")))
        .isEqualTo(ProblemFormat.ORLIB);
    assertThat(ProblemFormat.detect(TestFiles.write(dir, "b.txt", "\n3 1\n1 2 1\n")))
        .isEqualTo(ProblemFormat.GSET);
    assertThat(ProblemFormat.detect(TestFiles.write(dir, "c.dat", "c x\np qubo 0 1 1 0\n0 0 1\n")))
        .isEqualTo(ProblemFormat.QBSOLV);
    assertThat(ProblemFormat.detect(TestFiles.write(dir, "d.txt", "  {\"type\": 1}")))
        .isEqualTo(ProblemFormat.BQM_JSON);
    assertThat(ProblemFormat.detect(TestFiles.writeGzip(dir, "e", "3 1\n1 2 1\n")))
        .isEqualTo(ProblemFormat.GSET);
  }

  @Test
  void failsClearlyWhenContentDoesNotTellEither() throws Exception {
    assertThatThrownBy(() -> ProblemFormat.detect(TestFiles.write(dir, "f.txt", "hello world\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("f.txt: cannot tell the file format from its name or its first line 'hello "
            + "world'; name the format explicitly: bqm-json, orlib, gset or qbsolv");
    Path binary = Files.write(dir.resolve("g.bin"), new byte[] {1, 2, 0, 4});
    assertThatThrownBy(() -> ProblemFormat.detect(binary)).isInstanceOf(FormatException.class)
        .hasMessageContaining("looks like a binary file");
    assertThatThrownBy(() -> ProblemFormat.detect(dir.resolve("missing.dat")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("File not found");
  }
}
