package io.qprune.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolverConfigTest {
  @TempDir
  Path dir;

  @Test
  void loadsYamlAndJsonAlike() throws Exception {
    Path y = dir.resolve("c.yaml");
    Files.writeString(y, "solver: sa\ntime_limit: 2.5\nseed: 7\nparameters:\n  num_reads: 10\n  beta_range: [0.1, 4]\n");
    Path j = dir.resolve("c.json");
    Files.writeString(j, "{\"solver\":\"sa\",\"time_limit\":2.5,\"seed\":7,"
        + "\"parameters\":{\"num_reads\":10,\"beta_range\":[0.1,4]}}");
    SolverConfig a = SolverConfig.load(y);
    assertThat(a).isEqualTo(SolverConfig.load(j));
    assertThat(a.solver()).isEqualTo("sa");
    assertThat(a.parameters()).containsEntry("num_reads", 10);
    assertThat(a.request().seed()).isEqualTo(7);
    assertThat(a.request().timeLimit().toMillis()).isEqualTo(2500);
  }

  @Test
  void namesTheProblemInBadFiles() throws Exception {
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "solver: sa\nparameter:\n  num_reads: 1\n");
    assertThatThrownBy(() -> SolverConfig.load(typo)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("typo.yaml").hasMessageContaining("'parameter'")
        .hasMessageContaining("Maybe 'parameters'");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"solver\": \"sa\",\n \"seed\": }");
    assertThatThrownBy(() -> SolverConfig.load(broken)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("broken.json:2: not valid JSON");
    Path noSolver = dir.resolve("none.yaml");
    Files.writeString(noSolver, "seed: 1\n");
    assertThatThrownBy(() -> SolverConfig.load(noSolver)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'solver'");
    Path negative = dir.resolve("neg.yaml");
    Files.writeString(negative, "solver: sa\ntime_limit: -1\n");
    assertThatThrownBy(() -> SolverConfig.load(negative)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> SolverConfig.load(dir.resolve("missing.yaml")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    Path quoted = Files.writeString(dir.resolve("quoted.yaml"), "solver: sa\nseed: \"7\"\n");
    assertThatThrownBy(() -> SolverConfig.load(quoted)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quoted.yaml:2: 'seed' must be a whole number, got \"7\" (write it without quotes)");
    Path params = Files.writeString(dir.resolve("params.yaml"), "solver: sa\nparameters: [1]\n");
    assertThatThrownBy(() -> SolverConfig.load(params)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("params.yaml:2: 'parameters' must be a mapping of name: value, got [1]");
  }

  /** 2^53 + 1: the first whole number a double cannot hold (it rounds to 2^53). */
  static final long PAST_DOUBLE = 9_007_199_254_740_993L;

  @Test
  void keeps63BitSeedsExactlyInYamlAndJson() throws Exception {
    for (long seed : new long[] {PAST_DOUBLE, Long.MAX_VALUE, 8_646_911_284_551_352_321L}) {
      Path y = Files.writeString(dir.resolve("s.yaml"), "solver: sa\nseed: " + seed + "\n");
      Path j = Files.writeString(dir.resolve("s.json"), "{\"solver\": \"sa\", \"seed\": " + seed + "}");
      assertThat(SolverConfig.load(y).seed()).isEqualTo(seed);
      assertThat(SolverConfig.load(j).seed()).isEqualTo(seed);
      assertThat(SolverConfig.load(y).request().seed()).isEqualTo(seed);
    }
  }

  @Test
  void aSeedThatIsNotAWholeNumberIsNamed() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "solver: sa\nseed: 1.5\n");
    assertThatThrownBy(() -> SolverConfig.load(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.yaml:2: 'seed' must be a whole number, got 1.5");
    Path big = Files.writeString(dir.resolve("big.yaml"), "solver: sa\nseed: 9223372036854775808\n");
    assertThatThrownBy(() -> SolverConfig.load(big)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("big.yaml:2: 'seed'").hasMessageContaining("9223372036854775808");
  }
}
