package io.qprune.bench.cli;

import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.SlimDenoiser;
import io.qprune.formulation.model.SlimModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.io.MaskFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune export}: the network with its pruned units removed, as a smaller model file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    header = "Write a pruned network with its pruned channels removed.",
    description = {
      "Write the network with the pruned channels removed (batch norm folded into the convs):",
      "a smaller, self-describing model file that `qprune eval --model` runs."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--mask", required = true, description = "Mask file: one 0/1 per unit, or mask.json from `qprune prune`.")
  Path mask;

  @Mixin SharedOptions.Model modelOption;

  @Mixin SharedOptions.Compensation compensation;

  @Option(names = "--out", required = true, description = "The slim model file to write (atomically).")
  Path out;

  @Override
  public Integer call() {
    return CliErrors.run(this::export, spec.commandLine().getErr());
  }

  private int export() throws IOException {
    Torch.configure(1);
    try (Denoiser m = modelOption.model == null ? ModelFile.loadDefault() : ModelFile.load(modelOption.model)) {
      Mask keep = MaskFile.readMask(mask);
      Cost full = m.fullCost();
      m.setMask(keep);
      compensation.apply(m);
      try (SlimDenoiser slim = SlimDenoiser.of(m, keep)) {
        SlimModelFile.save(slim, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %d of %d units kept, widths %s%n", out, keep.kept(), keep.size(),
            Arrays.toString(slim.widths()));
        w.printf(Locale.ROOT, "params %d (unpruned %d, %.1f %%), FLOPs/pixel %.0f (unpruned %.0f, %.1f %%), file %d bytes%n",
            slim.params(), full.params(), 100.0 * slim.params() / full.params(), slim.flopsPerPixel(),
            full.flopsPerPixel(), 100 * slim.flopsPerPixel() / full.flopsPerPixel(), Files.size(out));
        w.flush();
      }
    }
    return ExitCodes.OK;
  }

  /** Runs the command alone (the qprune launcher registers it as a subcommand). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ExportCommand()).execute(args));
  }
}
