package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad pruning config or --set is bad input: exit 2 and one line naming the file, the key and the line. */
class PruneConfigErrorsTest {
  @TempDir Path dir;

  private CliRun prune(String yaml, String... more) throws Exception {
    Path cfg = Files.writeString(dir.resolve("p.yaml"), yaml);
    String[] args = new String[more.length + 5];
    System.arraycopy(new String[] {"prune", "--config", cfg.toString(), "--out", dir.resolve("out").toString()}, 0,
        args, 0, 5);
    System.arraycopy(more, 0, args, 5, more.length);
    return CliRun.main(args);
  }

  private static void badInput(CliRun r, String... parts) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(parts).doesNotContain("internal error");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void fileErrorsNameTheFileTheKeyAndTheLine() throws Exception {
    badInput(prune("sparsity: 0.5\nthreads: \"2\"\n"), "p.yaml:2: 'threads' must be a whole number, got \"2\"",
        "(write it without quotes)");
    badInput(prune("# comment\nsparsty: 0.5\n"), "p.yaml:2: unknown key 'sparsty'", "Maybe 'sparsity'?");
    badInput(prune("refine:\n  enabled: true\n  layers: some\n"), "p.yaml:3: 'refine.layers' must be 'all' or a whole number, got \"some\"");
    badInput(prune("calibration_crops: 8.0\n"), "p.yaml:1: 'calibration_crops' must be a whole number, got 8.0");
  }

  @Test
  void setOverridesReadTextAsTheKeysType() throws Exception {
    badInput(prune("sparsity: 0.5\n", "--set", "threads=two"), "'threads' must be a whole number, got \"two\"");
    badInput(prune("sparsity: 0.5\n", "--set", "refine.budjet=3"), "unknown key 'budjet' in 'refine'",
        "Maybe 'budget'?");
    badInput(prune("sparsity: 0.5\n", "--set", "threads=0"), "'threads' must be >= 1, got 0");
    badInput(prune("sparsity: 0.5\n", "--set", "solver_parameters=5"),
        "'solver_parameters' must be a mapping of name: value, got \"5\"");
  }
}
