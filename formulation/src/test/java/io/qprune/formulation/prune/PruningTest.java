package io.qprune.formulation.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.prune.io.MaskFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Pruning#run} from a scores file: the request, its files and reading them back. */
class PruningTest {
  static final String SCORES = """
      {"units": [
        {"id": "c1:0", "layer": "c1", "taylor": 0.9, "fisher": 0.30, "l1": 3.0},
        {"id": "c1:1", "layer": "c1", "taylor": 0.1, "fisher": 0.01, "l1": 1.0},
        {"id": "c1:2", "layer": "c1", "taylor": 0.5, "fisher": 0.20, "l1": 2.0},
        {"id": "c2:0", "layer": "c2", "taylor": 0.7, "fisher": 0.40, "l1": 2.5},
        {"id": "c2:1", "layer": "c2", "taylor": 0.3, "fisher": 0.05, "l1": 1.5},
        {"id": "c2:2", "layer": "c2", "taylor": 0.05, "fisher": 0.01, "l1": 0.2}],
       "similarity": {
        "c1": [[1, 0.2, 0.1], [0.2, 1, 0.3], [0.1, 0.3, 1]],
        "c2": [[1, 0.1, 0.9], [0.1, 1, 0.2], [0.9, 0.2, 1]]}}
      """;

  @TempDir Path dir;

  @Test
  void writesAndReadsItsOwnFiles() throws Exception {
    Path scores = Files.writeString(dir.resolve("in.json"), SCORES);
    PruneRequest req = PruneRequest.builder().setScores(scores).optSolver("tabu").optSparsity(0.5).optSeed(3)
        .optOutput(dir.resolve("out")).build();
    PruneResult r = Pruning.run(req);
    assertThat(r.mask().kept()).isEqualTo(3);
    assertThat(r.mask().keeps(5)).as("the least important unit goes").isFalse();
    assertThat(r.method()).isEqualTo("hybrid");
    assertThat(r.report().at("/config/solver").asText()).isEqualTo("tabu");
    PruneResult back = PruneResult.read(dir.resolve("out"));
    assertThat(back.mask()).isEqualTo(r.mask());
    assertThat(back.unitIds()).containsExactly("c1:0", "c1:1", "c1:2", "c2:0", "c2:1", "c2:2");
    assertThat(back.qubo().numVariables()).isEqualTo(6);
    assertThat(back.scores().layout().ids()).isEqualTo(r.unitIds());
    assertThat(back.figure("/selection/kept_units")).isEqualTo(3);
    assertThat(Files.exists(dir.resolve("out/qubo-exact-k.json.gz"))).isTrue();
    assertThat(Pruning.run(req.toBuilder().optOutput(null).build()).mask()).as("same seed, same mask")
        .isEqualTo(r.mask());
  }

  @Test
  void maskFileKeepsItsFormat() {
    MaskFile m = new MaskFile("hybrid", 0.5, List.of("a:0", "a:1"), Mask.ofBits(1, 0));
    Path f = dir.resolve("mask.json");
    m.write(f);
    assertThat(f).hasContent("""
        {
          "method" : "hybrid",
          "target_sparsity" : 0.5,
          "sparsity" : 0.5,
          "kept_units" : 1,
          "units" : 2,
          "unit_ids" : [ "a:0", "a:1" ],
          "kept" : [ 1, 0 ]
        }""");
    assertThat(MaskFile.read(f)).isEqualTo(m);
  }

  @Test
  void loadsARequestFileWithItsPathsAndConfigKeys() throws Exception {
    Path scores = Files.writeString(dir.resolve("in.json"), SCORES);
    Path file = Files.writeString(dir.resolve("req.yaml"), "scores: " + scores + "\nsparsity: 0.5\nseed: "
        + Long.MAX_VALUE + "\nsolver: tabu\nsolver_parameters: {}\n");
    PruneRequest r = PruneRequest.load(file);
    assertThat(r.scores()).isEqualTo(scores);
    assertThat(r.config().seed()).isEqualTo(Long.MAX_VALUE);
    assertThat(r).isEqualTo(PruneRequest.builder().setScores(scores).optSparsity(0.5).optSeed(Long.MAX_VALUE)
        .optSolver("tabu", Map.of()).build());
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "scores: x.json\nsparsity: 0.5\nsolvr: tabu\n");
    assertThatThrownBy(() -> PruneRequest.load(bad)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.yaml:3").hasMessageContaining("solvr");
  }

  @Test
  void refusesAModelWithScoresAndACostWithoutScores() {
    assertThatThrownBy(() -> PruneRequest.builder().setScores(Path.of("s.json")).setModel("resnet20").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("either scores or a model");
    assertThatThrownBy(() -> PruneRequest.builder().optCost(Path.of("c.json")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cost file goes with scores");
  }
}
