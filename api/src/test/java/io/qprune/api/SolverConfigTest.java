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
        .hasMessageContaining("broken.json").hasMessageContaining("line 2");
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
  }
}
