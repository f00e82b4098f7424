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

class EvalCommandTest {
  @TempDir static Path dir;
  static Path model;
  static Path images;
  static int units;

  @BeforeAll
  static void setUp() throws Exception {
    Torch.configure(1);
    model = dir.resolve("tiny.qpm");
    try (Denoiser m = Denoiser.create(
        new ModelSpec(Architecture.HALF_UNET, 4, 2, ColorMode.GREY), 3)) {
      ModelFile.save(m, model);
      units = m.units().size();
    }
    images = Files.createDirectories(dir.resolve("photos"));
    for (int k = 0; k < 2; k++) {
      float[] px = new float[3 * 21 * 23];
      for (int i = 0; i < px.length; i++) {
        px[i] = (i * (7 + k)) % 256;
      }
      ImageFiles.writePng(Image.of(3, 21, 23, px), images.resolve("p" + k + ".png"));
    }
  }

  @Test
  void printsOneJsonObjectWithMeansAndPerImageScores() throws Exception {
    CliRun r = CliRun.of(new EvalCommand(), "--model", model.toString(), "--images",
        images.toString(), "--sigma", "15", "--seed", "4", "--threads", "1", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("per_image")).hasSize(2);
    double mean = (j.get("per_image").get(0).get("psnr").asDouble()
        + j.get("per_image").get(1).get("psnr").asDouble()) / 2;
    assertThat(j.get("psnr").asDouble()).isEqualTo(mean);
    assertThat(j.get("ssim").asDouble()).isBetween(-1.0, 1.0);
    // sigma 15, unclipped input: noisy PSNR is about 20 log10(255 / 15) = 24.61 dB
    assertThat(j.get("noisy_psnr").asDouble()).isBetween(24.2, 25.0);
    CliRun again = CliRun.of(new EvalCommand(), "--model", model.toString(), "--images",
        images.toString(), "--sigma", "15", "--seed", "4", "--threads", "1", "--json");
    assertThat(again.out()).isEqualTo(r.out());
  }

  @Test
  void aMaskChangesTheOutputAndABadMaskIsExitTwoWithOneLine() throws Exception {
    Path half = dir.resolve("half.txt");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < units; i++) {
      sb.append(i % 2).append(' ');
    }
    Files.writeString(half, sb.toString());
    CliRun masked = CliRun.of(new EvalCommand(), "--model", model.toString(), "--images",
        images.toString(), "--mask", half.toString(), "--threads", "1");
    assertThat(masked.code()).as(masked.err()).isZero();
    assertThat(masked.out()).contains("units kept " + units / 2 + "/" + units).contains("mean");

    Path zero = Files.writeString(dir.resolve("zero.txt"), "0 ".repeat(units));
    CliRun z = CliRun.of(new EvalCommand(), "--model", model.toString(), "--images",
        images.toString(), "--mask", zero.toString(), "--threads", "1");
    assertThat(z.code()).isEqualTo(2);
    assertThat(z.err()).startsWith("qprune: ").contains("prunes all").doesNotContain("\tat ");
    assertThat(z.err().strip().lines()).hasSize(1);

    Path shortMask = Files.writeString(dir.resolve("short.txt"), "1 0 1");
    CliRun s = CliRun.of(new EvalCommand(), "--model", model.toString(), "--images",
        images.toString(), "--mask", shortMask.toString(), "--threads", "1");
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("3 values").contains(units + " units");
  }

  @Test
  void evaluatesRealPairsInTheSiddLayout() throws Exception {
    Path scene = Files.createDirectories(dir.resolve("sidd/0001_001_S6_00100_00060_3200_L"));
    float[] clean = new float[3 * 16 * 20];
    float[] noisy = new float[clean.length];
    for (int i = 0; i < clean.length; i++) {
      clean[i] = 60 + (i % 50);
      noisy[i] = clean[i] + ((i * 31) % 21) - 10;
    }
    ImageFiles.writePng(Image.of(3, 16, 20, clean), scene.resolve("0001_GT_SRGB_010.PNG"));
    ImageFiles.writePng(Image.of(3, 16, 20, noisy), scene.resolve("0001_NOISY_SRGB_010.PNG"));
    CliRun r = CliRun.of(new EvalCommand(), "--model", model.toString(), "--sidd",
        dir.resolve("sidd").toString(), "--threads", "1", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("noise").asText()).isEqualTo("real (SIDD)");
    assertThat(j.get("per_image").get(0).get("name").asText())
        .isEqualTo("0001_001_S6_00100_00060_3200_L/0001_GT_SRGB_010.PNG");
    // converted to grey as the model needs; the noisy PSNR is that of the real noisy image
    assertThat(j.get("noisy_psnr").asDouble()).isBetween(25.0, 40.0);
  }

  @Test
  void missingInputsAreExitTwo() {
    CliRun noModel = CliRun.of(new EvalCommand(), "--model", dir.resolve("nope.qpm").toString(),
        "--threads", "1");
    assertThat(noModel.code()).isEqualTo(2);
    assertThat(noModel.err()).contains("nope.qpm").contains("does not exist");
    CliRun noImages = CliRun.of(new EvalCommand(), "--model", model.toString(), "--images",
        dir.resolve("none").toString(), "--threads", "1");
    assertThat(noImages.code()).isEqualTo(2);
  }
}
