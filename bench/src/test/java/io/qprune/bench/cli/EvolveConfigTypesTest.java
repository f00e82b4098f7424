package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong types in an evolve config are bad input (exit 2, one line naming the file and the key), not internal errors. */
class EvolveConfigTypesTest {
  @TempDir Path dir;

  private CliRun evolve(String yaml) throws Exception {
    Path cfg = Files.writeString(dir.resolve("evolve.yaml"), yaml);
    return CliRun.main("evolve", "--config", cfg.toString(), "--out", dir.resolve("out").toString());
  }

  @Test
  void quotedThreadsAreNamed() throws Exception {
    CliRun r = evolve("threads: \"2\"\n");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("evolve.yaml:1: 'threads' must be a whole number, got \"2\" (write it without quotes)")
        .doesNotContain("internal error");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void otherWrongTypesAreNamed() throws Exception {
    assertThat(evolve("threads: 0\n").err()).contains("evolve.yaml:1: 'threads' must be >= 1, got 0");
    assertThat(evolve("threads: 1.5\n").err()).contains("'threads'").contains("1.5");
    CliRun model = evolve("model: 5\n");
    assertThat(model.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(model.err()).contains("evolve.yaml:1: 'model' must be text, got 5");
    CliRun data = evolve("data: [a, b]\n");
    assertThat(data.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(data.err()).contains("'data' must be text");
    CliRun seed = evolve("evolve:\n  seed: 1.5\n");
    assertThat(seed.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(seed.err()).contains("evolve.yaml:2: 'evolve.seed' must be a whole number, got 1.5");
    CliRun unknown = evolve("evolve:\n  budget: 8\n  populaton: 4\n");
    assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknown.err()).contains("evolve.yaml:3: unknown key 'populaton' in 'evolve'", "Maybe 'population'?");
  }
}
