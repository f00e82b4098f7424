package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.ImageFiles;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `qprune export` writes a smaller model that `qprune eval` scores like the masked network. */
class ExportCommandTest {
  @TempDir static Path dir;
  static Path model;
  static Path images;
  static int units;

  @BeforeAll
  static void setUp() throws Exception {
    Torch.configure(1);
    model = dir.resolve("tiny.qpm");
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY), 5)) {
      ModelFile.save(m, model);
      units = m.units().size();
    }
    images = Files.createDirectories(dir.resolve("photos"));
    float[] px = new float[3 * 20 * 22];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i * 11) % 256;
    }
    ImageFiles.writePng(Image.of(3, 20, 22, px), images.resolve("p.png"));
  }

  private static double psnr(String... args) throws Exception {
    CliRun r = CliRun.of(new EvalCommand(), args);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    return j.get("psnr").asDouble();
  }

  @Test
  void theExportedModelIsSmallerAndScoresLikeTheMaskedNetwork() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < units; i++) {
      sb.append(i % 3 == 0 || i >= units - 4 ? 1 : 0).append(' ');
    }
    Path mask = Files.writeString(dir.resolve("mask.txt"), sb.toString());
    Path slim = dir.resolve("slim.qpm");
    CliRun r = CliRun.of(new ExportCommand(), "--model", model.toString(), "--mask", mask.toString(),
        "--out", slim.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("params").contains("FLOPs/pixel");
    assertThat(Files.size(slim)).isLessThan(Files.size(model) / 2);
    double masked = psnr("--model", model.toString(), "--mask", mask.toString(), "--images", images.toString(),
        "--threads", "1", "--json");
    double exported = psnr("--model", slim.toString(), "--images", images.toString(), "--threads", "1", "--json");
    double unpruned = psnr("--model", model.toString(), "--images", images.toString(), "--threads", "1", "--json");
    assertThat(exported).isCloseTo(masked, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(Math.abs(unpruned - masked)).isGreaterThan(1e-3);

    CliRun withMask = CliRun.of(new EvalCommand(), "--model", slim.toString(), "--mask", mask.toString(),
        "--images", images.toString());
    assertThat(withMask.code()).isEqualTo(2);
    assertThat(withMask.err()).contains("already pruned");
  }

  @Test
  void badMasksAndModelsAreExitTwoAndWriteNothing() throws Exception {
    Path out = dir.resolve("never.qpm");
    Path zero = Files.writeString(dir.resolve("zero.txt"), "0 ".repeat(units));
    CliRun z = CliRun.of(new ExportCommand(), "--model", model.toString(), "--mask", zero.toString(),
        "--out", out.toString());
    assertThat(z.code()).isEqualTo(2);
    assertThat(z.err()).contains("prunes all");
    Path shortMask = Files.writeString(dir.resolve("short.txt"), "1 0 1");
    CliRun s = CliRun.of(new ExportCommand(), "--model", model.toString(), "--mask", shortMask.toString(),
        "--out", out.toString());
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("3 values").contains(units + " units");
    Path garbage = Files.writeString(dir.resolve("garbage.qpm"), "not a model");
    CliRun g = CliRun.of(new ExportCommand(), "--model", garbage.toString(), "--mask", shortMask.toString(),
        "--out", out.toString());
    assertThat(g.code()).isEqualTo(2);
    assertThat(g.err()).contains("garbage.qpm");
    assertThat(out).doesNotExist();
  }
}
