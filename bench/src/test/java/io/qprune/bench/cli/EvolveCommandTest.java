package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.formulation.classify.IdxFixture;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.model.ResNetSpec;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qprune evolve} on a small ResNet and a Fashion-MNIST-format fixture: the outputs, the
 * masks read back by {@code qprune eval} and {@code qprune finetune}, the same front on Spark
 * {@code local[2]}, and resume.
 */
class EvolveCommandTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void fixture() throws Exception {
    Torch.configure(1);
    data = dir.resolve("fmnist");
    IdxFixture.writeTestSplit(data, 400, 10, 21);
    model = dir.resolve("resnet8.qpm");
    try (Classifier c = Classifier.create(new ResNetSpec(8, 4, 1, 28, 10), 3, new float[] {0.1f},
        new float[] {0.25f})) {
      ClassifierFile.save(c, model);
    }
  }

  private static CliRun evolve(Path out, String... extra) {
    return evolve(out, 48, extra);
  }

  private static CliRun evolve(Path out, int budget, String... extra) {
    String[] base = {"evolve", "--model", model.toString(), "--data", data.toString(), "--budget", "" + budget,
        "--population", "8", "--seed", "2", "--threads", "1", "--out", out.toString(), "--plain"};
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return CliRun.main(all);
  }

  @Test
  void writesTheFrontItsMasksAndAPlotThatEvalAndFinetuneRead() throws Exception {
    Path out = dir.resolve("run");
    CliRun r = evolve(out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("Only the test split", "anchors:");
    assertThat(r.out()).contains("hypervolume (reference 1.00, 1.00): phase 1");
    for (String f : new String[] {"front.csv", "front.json", "front.png", "front.svg", "masks/member-00.wmask.gz"}) {
      assertThat(out.resolve(f)).exists();
    }
    JsonNode front = new ObjectMapper().readTree(out.resolve("front.json").toFile());
    assertThat(front.path("hypervolume_final").asDouble())
        .isGreaterThanOrEqualTo(front.path("hypervolume_phase1").asDouble());
    // ResNet-8, width 4: stem 36, 144 + 144, 288 + 576, 1152 + 2304, classifier 160
    assertThat(front.path("prunable_weights").asInt()).isEqualTo(4804);
    JsonNode m0 = front.path("front").get(0);
    assertThat(m0.path("kept_per_layer").size()).isEqualTo(8);

    CliRun eval = CliRun.main("eval", "--model", model.toString(), "--mask", out.resolve(m0.path("mask").asText())
        .toString(), "--data", data.toString(), "--threads", "1", "--json");
    assertThat(eval.code()).as(eval.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(eval.out());
    assertThat(e.path("accuracy").asDouble() * 100).isCloseTo(m0.path("test_metric").asDouble(),
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(e.path("weights_kept").asInt()).isEqualTo(m0.path("kept_weights").asInt());

    Path ft = dir.resolve("ft");
    CliRun tune = CliRun.main("finetune", "--model", model.toString(), "--mask",
        out.resolve(m0.path("mask").asText()).toString(), "--data", data.toString(), "--steps", "3", "--threads", "1",
        "--out", ft.toString());
    assertThat(tune.code()).as(tune.err()).isZero();
    assertThat(tune.out()).contains("pruned + 3-step fine-tune");
    JsonNode fj = new ObjectMapper().readTree(ft.resolve("finetune.json").toFile());
    // the fine-tuned model still prunes exactly the masked weights
    CliRun again = CliRun.main("eval", "--model", ft.resolve("model.qpm").toString(), "--mask",
        out.resolve(m0.path("mask").asText()).toString(), "--data", data.toString(), "--threads", "1", "--json");
    assertThat(new ObjectMapper().readTree(again.out()).path("accuracy").asDouble())
        .isEqualTo(fj.path("fine_tuned_test_accuracy").asDouble());

    // a finished run is not silently overwritten; --resume returns the same front
    String csv = Files.readString(out.resolve("front.csv"));
    CliRun twice = evolve(out);
    assertThat(twice.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(twice.err()).contains("--resume");
    CliRun resumed = evolve(out, "--resume");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(Files.readString(out.resolve("front.csv"))).isEqualTo(csv);
  }

  @Test
  void theSameFrontOnSparkLocal2() throws Exception {
    Path local = dir.resolve("inproc");
    Path spark = dir.resolve("spark");
    CliRun a = evolve(local, 24);
    CliRun b = evolve(spark, 24, "--cluster", "local[2]");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(Files.readString(spark.resolve("front.csv"))).isEqualTo(Files.readString(local.resolve("front.csv")));
  }

  @Test
  void badInputIsNamed() throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, "evolve:\n  budgt: 3\n");
    CliRun r = CliRun.main("evolve", "--config", cfg.toString(), "--out", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("unknown key 'budgt' in 'evolve'");
    CliRun c = CliRun.main("evolve", "--cluster", "mesos://nowhere", "--out", dir.resolve("y").toString());
    assertThat(c.code()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
