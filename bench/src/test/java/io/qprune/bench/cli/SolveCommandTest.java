package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.SampleSet;
import io.qprune.api.io.Problem;
import io.qprune.api.io.Problems;
import io.qprune.api.io.SampleSetJson;
import io.qprune.api.testing.BruteForce;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");
  static final Path SHARED_BQP50 = Path.of("..", "..", "shared", "data", "qubo", "orlib_bqp", "bqp50.txt");

  @TempDir
  Path dir;

  @Test
  void solvesTheBundledExampleExactlyAndPrintsVerifiedJson() throws Exception {
    Path file = EXAMPLES.resolve("bqp20.txt");
    CliRun r = CliRun.main("solve", file.toString(), "--solver", "exact", "--seed", "3", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    Problem p = Problems.read(file, null, 1);
    int[] x = new ObjectMapper().convertValue(j.get("sample"), int[].class);
    assertThat(x).hasSize(20);
    assertThat(j.get("energy").asDouble()).isEqualTo(p.qubo().energy(x))
        .isEqualTo(BruteForce.minimum(p.qubo()));
    assertThat(j.get("objective").asDouble()).isEqualTo(-j.get("energy").asDouble());
    assertThat(j.get("solver").asText()).isEqualTo("exact");
    assertThat(j.get("num_variables").asInt()).isEqualTo(20);
    assertThat(j.get("seed").asLong()).isEqualTo(3);
    assertThat(j.has("time_s")).isTrue();
    assertThat(j.has("time_to_best_s")).isTrue();
  }

  @Test
  void humanSummaryNamesSolverEnergyAndObjective() {
    CliRun r = CliRun.main("solve", EXAMPLES.resolve("k12.json").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("solver     exact").contains("energy").contains("sample");
  }

  @Test
  void refusesBqp50ForTheExactSolverCleanly() {
    assumeThat(Files.exists(SHARED_BQP50)).as("shared data present").isTrue();
    CliRun r = CliRun.main("solve", SHARED_BQP50.toString(), "--instance", "1", "--solver", "exact");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("50 variables").contains("limited to 30").doesNotContain("Exception");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void writesTheSampleSetWithOut() throws Exception {
    Path out = dir.resolve("sub/result.json");
    CliRun r = CliRun.main("solve", EXAMPLES.resolve("bqp20.txt").toString(), "--seed", "1", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    SampleSet s = SampleSetJson.read(out);
    assertThat(s.numVariables()).isEqualTo(20);
    try (var files = Files.list(out.getParent())) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void takesTheSolverFromAConfigFileAndParamsOverrideIt() throws Exception {
    Path cfg = dir.resolve("solver.yaml");
    Files.writeString(cfg, "solver: exact\nseed: 9\nparameters:\n  num_states: 4\n");
    CliRun r = CliRun.main("solve", EXAMPLES.resolve("k12.json").toString(), "--config", cfg.toString(),
        "--param", "num_states=2", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("seed").asLong()).isEqualTo(9);
    assertThat(j.get("solver").asText()).isEqualTo("exact");
  }

  @Test
  void badInputGivesExitTwoAndOneLine() throws Exception {
    CliRun unknown = CliRun.main("solve", EXAMPLES.resolve("bqp20.txt").toString(), "--solver", "exakt");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown solver 'exakt'").contains("Maybe 'exact'");

    CliRun missing = CliRun.main("solve", dir.resolve("nope.txt").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.txt");

    Path bad = dir.resolve("bad.qubo");
    Files.writeString(bad, "p qubo 0 3 2 1\n0 0 1.0\n1 1 x\n0 1 2\n");
    CliRun malformed = CliRun.main("solve", bad.toString());
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains("bad.qubo").contains("line 3");

    CliRun param = CliRun.main("solve", EXAMPLES.resolve("bqp20.txt").toString(), "--solver", "exact",
        "--param", "num_states=0");
    assertThat(param.code()).isEqualTo(2);
    assertThat(param.err()).contains("num_states").contains("is 0");

    CliRun instance = CliRun.main("solve", EXAMPLES.resolve("bqp20.txt").toString(), "--instance", "5");
    assertThat(instance.code()).isEqualTo(2);
    assertThat(instance.err()).contains("instance");

    CliRun usage = CliRun.main("solve");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).contains("FILE");
  }

  @Test
  void listsSolversWithTheirParameters() throws Exception {
    CliRun r = CliRun.main("solvers");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("exact").contains("max_variables").contains("num_states");
    CliRun j = CliRun.main("solvers", "--json");
    JsonNode node = new ObjectMapper().readTree(j.out());
    assertThat(node.get("solvers").findValuesAsText("name")).contains("exact");
  }
}
