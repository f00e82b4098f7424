package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qprune refine} on a mask written by {@code prune}, and the refine stage inside prune. */
class RefineCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path config;

  @BeforeAll
  static void setUp() throws Exception {
    Torch.configure(1);
    Path model = dir.resolve("tiny.qpm");
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY), 3)) {
      ModelFile.save(m, model);
    }
    config = dir.resolve("tiny.yaml");
    Files.writeString(config, "model: " + model + "\ncalibration_crops: 4\ncalibration_size: 16\n"
        + "calibration_chunk: 2\npooled: 4\nthreads: 1\neval_photos: 1\nsolver: sa\nsolver_parameters:\n  num_reads: 2\n"
        + "refine:\n  budget: 24\n  val_crops: 2\n  val_crop_size: 32\n"
        + "  optimizer_parameters: {k: 8, k_top: 2}\n");
  }

  static int ones(JsonNode mask) {
    int n = 0;
    for (JsonNode k : mask.get("kept")) {
      n += k.asInt();
    }
    return n;
  }

  @Test
  void refinesAPrunedMaskKeepingItsSparsityAndReportsBeforeAndAfter() throws Exception {
    Path pruned = dir.resolve("pruned");
    CliRun p = CliRun.main("prune", "--config", config.toString(), "--sparsity", "0.5", "--out",
        pruned.toString());
    assertThat(p.code()).as(p.err()).isZero();
    Path out = dir.resolve("refined");
    CliRun r = CliRun.main("refine", "--config", config.toString(), "--mask",
        pruned.resolve("mask.json").toString(), "--layers", "2", "--out", out.toString(), "--plain");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("refine iteration 1:");
    assertThat(r.out()).contains("validation crops", "test photos", "wrote");
    JsonNode mask = JSON.readTree(Files.readString(out.resolve("mask.json")));
    assertThat(mask.get("method").asText()).isEqualTo("hybrid+tt");
    assertThat(ones(mask)).isEqualTo(12);
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/refined/layers").size()).isEqualTo(2);
    assertThat(rep.at("/refined/evaluations").asInt()).isBetween(1, 24);
    assertThat(rep.at("/refined/val_crops_psnr_after").asDouble())
        .isGreaterThanOrEqualTo(rep.at("/refined/val_crops_psnr_before").asDouble());
    assertThat(rep.at("/test_before/psnr").asDouble()).isPositive();
    assertThat(rep.at("/test_after/psnr").asDouble()).isPositive();
    assertThat(out.resolve("refine-state.json")).exists();

    // the same refinement resumed from its finished checkpoint ends with the same mask
    CliRun again = CliRun.main("refine", "--config", config.toString(), "--mask",
        pruned.resolve("mask.json").toString(), "--layers", "2", "--out", out.toString(), "--plain",
        "--resume");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(JSON.readTree(Files.readString(out.resolve("mask.json"))).get("kept")).isEqualTo(mask.get("kept"));
  }

  @Test
  void refinementOnSparkGivesTheInProcessMask() throws Exception {
    Path pruned = dir.resolve("pruned-spark");
    CliRun p = CliRun.main("prune", "--config", config.toString(), "--sparsity", "0.5", "--out",
        pruned.toString());
    assertThat(p.code()).as(p.err()).isZero();
    JsonNode[] reports = new JsonNode[2];
    JsonNode[] masks = new JsonNode[2];
    String[] clusters = {"local", "local[2]"};
    for (int i = 0; i < 2; i++) {
      Path out = dir.resolve("refined-on-" + i);
      CliRun r = CliRun.main("refine", "--config", config.toString(), "--mask",
          pruned.resolve("mask.json").toString(), "--layers", "2", "--out", out.toString(), "--plain",
          "--cluster", clusters[i]);
      assertThat(r.code()).as(r.err()).isZero();
      masks[i] = JSON.readTree(Files.readString(out.resolve("mask.json"))).get("kept");
      reports[i] = JSON.readTree(Files.readString(out.resolve("report.json"))).get("refined");
      // every evaluation, in order, with its PSNR: the cluster saw exactly the in-process values
      if (i == 1) {
        assertThat(Files.readString(out.resolve("refine-evaluations.txt")))
            .isEqualTo(Files.readString(dir.resolve("refined-on-0/refine-evaluations.txt")));
      }
    }
    assertThat(masks[1]).isEqualTo(masks[0]);
    for (String k : List.of("evaluations", "val_crops_psnr_before", "val_crops_psnr_after", "layers")) {
      assertThat(reports[1].get(k)).as(k).isEqualTo(reports[0].get(k));
    }
  }

  @Test
  void choosingLayersWithoutTheQuboIsAClearError() throws Exception {
    Path mask = dir.resolve("lonely/mask.json");
    Files.createDirectories(mask.getParent());
    StringBuilder bits = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      bits.append(i == 0 ? "" : ",").append(i % 2);
    }
    Files.writeString(mask, "{\"kept\": [" + bits + "]}");
    CliRun r = CliRun.main("refine", "--config", config.toString(), "--mask", mask.toString(),
        "--layers", "2", "--out", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("qubo.json").contains("--layers all");
  }

  @Test
  void pruneRunsTheRefineStageWhenTheConfigEnablesIt() throws Exception {
    Path out = dir.resolve("prune-refine");
    CliRun p = CliRun.main("prune", "--config", config.toString(), "--sparsity", "0.5", "--set",
        "refine.enabled=true", "--set", "refine.layers=all", "--out", out.toString(), "--plain");
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(p.err()).contains("refine done in");
    assertThat(p.out()).contains("before refinement:");
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/refined/units").asInt()).isEqualTo(24);
    assertThat(rep.at("/test_before_refine/psnr").asDouble()).isPositive();
    JsonNode mask = JSON.readTree(Files.readString(out.resolve("mask.json")));
    assertThat(mask.get("method").asText()).isEqualTo("hybrid+tt");
    assertThat(ones(mask)).isEqualTo(12);
  }

  @Test
  void underAFlopsBudgetPruneAndRefineKeepTheBudgetNotTheCount() throws Exception {
    Path out = dir.resolve("prune-refine-flops");
    // the tiny network's units are coarse (one is several % of its FLOPs): a wide window
    CliRun p = CliRun.main("prune", "--config", config.toString(), "--flops", "0.5", "--set", "budget_tolerance=0.2",
        "--set", "refine.enabled=true", "--set", "refine.layers=all", "--out", out.toString(), "--plain");
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(p.err()).contains("refine done in");
    JsonNode rep = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(rep.at("/cost/flops_fraction").asDouble()).isBetween(0.4 - 1e-9, 0.5 + 1e-9);
    assertThat(JSON.readTree(Files.readString(out.resolve("mask.json"))).get("method").asText())
        .isEqualTo("hybrid+tt");

    // refine alone, from a budget-pruned mask, keeps the budget it is given
    Path pruned = dir.resolve("pruned-flops");
    CliRun q = CliRun.main("prune", "--config", config.toString(), "--flops", "0.6", "--set", "budget_tolerance=0.2",
        "--out", pruned.toString());
    assertThat(q.code()).as(q.err()).isZero();
    Path refined = dir.resolve("refined-flops");
    CliRun r = CliRun.main("refine", "--config", config.toString(), "--flops", "0.6", "--set", "budget_tolerance=0.2",
        "--mask",
        pruned.resolve("mask.json").toString(), "--layers", "all", "--out", refined.toString(), "--plain");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode after = JSON.readTree(Files.readString(refined.resolve("report.json")));
    assertThat(after.at("/cost/flops_fraction").asDouble()).isBetween(0.48 - 1e-9, 0.6 + 1e-9);
    assertThat(after.at("/refined/val_crops_psnr_after").asDouble())
        .isGreaterThanOrEqualTo(after.at("/refined/val_crops_psnr_before").asDouble());

    // a budget the mask does not fit is refused, naming both
    CliRun tight = CliRun.main("refine", "--config", config.toString(), "--flops", "0.3", "--mask",
        pruned.resolve("mask.json").toString(), "--layers", "all", "--out", dir.resolve("tight").toString());
    assertThat(tight.code()).isEqualTo(2);
    assertThat(tight.err()).contains("above the 30.00 % budget");
    assertThat(dir.resolve("tight/mask.json")).doesNotExist();
  }
}
