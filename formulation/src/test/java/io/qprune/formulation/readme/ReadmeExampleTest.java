package io.qprune.formulation.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.qprune.formulation.model.Mask;
import io.qprune.api.Solvers;
import io.qprune.formulation.importance.io.ScoreFiles;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRequest;
import io.qprune.formulation.prune.PruneResult;
import io.qprune.formulation.prune.Pruner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "From Java" pruning example is this package's {@link PruningFromJava}, and it runs. */
class ReadmeExampleTest {
  static final Path README = Path.of("..", "README.md");
  static final Path SOURCE = Path.of("src", "test", "java", "io", "qprune", "formulation", "readme",
      "PruningFromJava.java");

  @TempDir Path dir;

  @Test
  void theReadmeQuotesTheExampleVerbatim() throws Exception {
    List<String> lines = Files.readAllLines(SOURCE);
    int begin = indexOfPrefix(lines, "// README begin");
    int end = indexOfPrefix(lines, "// README end");
    String region = String.join("\n", lines.subList(begin + 1, end)) + "\n";
    assertThat(Files.readString(README)).as("README.md block equal to %s's marked region", SOURCE)
        .contains("```java\n" + region + "```\n");
  }

  @Test
  void prunesAScoresFileToExactlyKUnitsReproducibly() throws Exception {
    Path scores = Files.writeString(dir.resolve("scores.json"), """
        {"units": [
          {"id": "conv1:0", "layer": "conv1", "taylor": 0.9, "fisher": 0.30, "l1": 3.0},
          {"id": "conv1:1", "layer": "conv1", "taylor": 0.1, "fisher": 0.01, "l1": 1.0},
          {"id": "conv1:2", "layer": "conv1", "taylor": 0.5, "fisher": 0.20, "l1": 2.0},
          {"id": "conv1:3", "layer": "conv1", "taylor": 0.2, "fisher": 0.02, "l1": 0.5},
          {"id": "conv2:0", "layer": "conv2", "taylor": 0.7, "fisher": 0.40, "l1": 2.5},
          {"id": "conv2:1", "layer": "conv2", "taylor": 0.3, "fisher": 0.05, "l1": 1.5},
          {"id": "conv2:2", "layer": "conv2", "taylor": 0.8, "fisher": 0.35, "l1": 2.2},
          {"id": "conv2:3", "layer": "conv2", "taylor": 0.05, "fisher": 0.01, "l1": 0.2}],
         "similarity": {
          "conv1": [[1, 0.2, 0.1, 0], [0.2, 1, 0.3, 0.1], [0.1, 0.3, 1, 0.2], [0, 0.1, 0.2, 1]],
          "conv2": [[1, 0.1, 0.9, 0], [0.1, 1, 0.2, 0.1], [0.9, 0.2, 1, 0.2], [0, 0.1, 0.2, 1]]}}
        """);
    Mask mask = PruningFromJava.fromScores(scores, dir.resolve("out"));
    assertThat(mask.size()).isEqualTo(8);
    assertThat(mask.kept()).isEqualTo(4);
    assertThat(mask.keeps(7)).as("the least important unit goes").isFalse();
    assertThat(PruningFromJava.fromScores(scores, dir.resolve("again"))).isEqualTo(mask);
    // the same mask as the steps Pruning.run stands for (as qprune prune and the README showed before)
    PruneConfig cfg = PruneConfig.defaults().with("sparsity", 0.5).with("seed", 7);
    Mask direct = new Pruner(Solvers.discover().create("sa", Map.of("num_reads", 8)))
        .prune(ScoreFiles.read(scores), cfg.settings(), cfg.solveRequest(7)).selection().mask();
    assertThat(direct).isEqualTo(mask);
  }

  @Test
  void prunesTheShippedModel() {
    PruneRequest.Builder b = PruneRequest.builder().opt("calibration_crops", 2).opt("calibration_size", 64)
        .opt("calibration_chunk", 2).opt("pooled", 4).opt("evaluate", false).optThreads(1).optSeed(7);
    PruneResult r = PruningFromJava.fromShippedModel(b);
    Mask mask = r.mask();
    assertThat(mask.size()).isEqualTo(r.scores().layout().size());
    assertThat(mask.sparsity()).isCloseTo(0.36, org.assertj.core.data.Offset.offset(1.0 / mask.size()));
    assertThat(r.report().has("test")).isFalse();
    assertThat(r.figure("/cost/params_fraction")).isBetween(0.2, 1.0);
    assertThat(r.qubo().numVariables()).isEqualTo(mask.size());
  }

  private static int indexOfPrefix(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting '" + prefix + "' in " + SOURCE);
  }
}
