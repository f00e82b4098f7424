package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.ImageFiles;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.Torch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's stderr filter: PyTorch's NNPACK line goes, everything else stays (bytes and exit status). */
class NnpackWarningFilterTest {
  static final Path FILTER = Path.of("..", "scripts", "drop-nnpack-warning");
  static final String NNPACK = "Could not initialize NNPACK! Reason: Unsupported hardware.";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @Test
  void dropsOnlyTheNnpackLineAndKeepsPartialLinesAndTheExitStatus() throws Exception {
    String input = "progress 1/2\rprogress 2/2\r\n"
        + "[W1202 04:48:36.890708466 NNPACK.cpp:57] " + NNPACK + "\n"
        + "[W1202 04:48:37.000000001 Other.cpp:12] a different warning\n"
        + "[INFO] bracketed\n"
        + "qprune: real error\n"
        + "[W unterminated";
    Path in = Files.writeString(dir.resolve("stderr.txt"), input);
    Run r = run(List.of(FILTER.toString(), "sh", "-c", "cat '" + in + "' >&2; echo stdout; exit 3"));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("stdout\n");
    assertThat(r.err()).isEqualTo(input.replace("[W1202 04:48:36.890708466 NNPACK.cpp:57] " + NNPACK + "\n", ""));
  }

  @Test
  void aRealEvaluationPrintsNoNnpackLineAndTheSameResult() throws Exception {
    Torch.configure(1);
    Path model = dir.resolve("tiny.qpm");
    try (Denoiser m = Denoiser.create(new ModelSpec(Architecture.HALF_UNET, 4, 2, ColorMode.GREY), 3)) {
      ModelFile.save(m, model);
    }
    Path images = Files.createDirectories(dir.resolve("photos"));
    float[] px = new float[3 * 21 * 23];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i * 7) % 256;
    }
    ImageFiles.writePng(Image.of(3, 21, 23, px), images.resolve("p.png"));
    List<String> eval = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1", Main.class.getName(), "eval", "--model", model.toString(),
        "--images", images.toString(), "--threads", "1", "--json"));
    Run raw = run(eval);
    assumeThat(raw.err()).as("libtorch warns about NNPACK on this CPU").contains(NNPACK);
    List<String> filtered = new ArrayList<>(List.of(FILTER.toString()));
    filtered.addAll(eval);
    Run quiet = run(filtered);
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(quiet.out()).isEqualTo(raw.out()).contains("\"psnr\"");
    assertThat(quiet.err()).doesNotContain("NNPACK");
    assertThat(quiet.err().lines()).isEqualTo(raw.err().lines().filter(l -> !l.contains(NNPACK)).toList());

    List<String> bad = new ArrayList<>(filtered);
    bad.set(bad.indexOf("--threads") + 1, "zero");
    Run wrong = run(bad);
    assertThat(wrong.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(wrong.err()).contains("qprune: ").contains("zero");
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
