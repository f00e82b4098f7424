package io.qprune.bench.cli;

import io.qprune.bench.demo.Demo;
import io.qprune.bench.demo.DemoOptions;
import io.qprune.bench.demo.DemoReport;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.refine.RefineSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune demo}: the whole pipeline on the shipped model and photos, with an HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    header = "Prune the shipped Half-UNet end to end and write an HTML report.",
    description = {"Prune the shipped Half-UNet: at equal cost first (50 %% of the FLOPs: hybrid QUBO, its"
        + " TT refinement within the budget, greedy Taylor, HALP-style knapsack), then at 20/36/50 %% unit"
        + " sparsity (hybrid QUBO, TT refinement of the 36 %% mask, greedy Taylor), beside the unpruned network, all scored on the test"
        + " photos; prints the table and writes an HTML report. A few minutes on 2 cores."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "demo-report", paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--flops", split = ",", defaultValue = "0.5", paramLabel = "F", description = "FLOPs budgets of the headline comparison, fractions of the unpruned network's FLOPs; 0 for none (default: ${DEFAULT-VALUE}).")
  List<Double> flops;

  @Option(names = "--sparsities", split = ",", defaultValue = "0.2,0.36,0.5", description = "Sparsities compared (default: ${DEFAULT-VALUE}).")
  List<Double> sparsities;

  @Option(names = "--refine-sparsity", defaultValue = "0.36", description = "The sparsity whose hybrid mask is refined (default: ${DEFAULT-VALUE}).")
  double refineSparsity;

  @Option(names = "--refine-layers", defaultValue = "8", paramLabel = "L", description = "Layers in the refinement (a number or 'all'; default: ${DEFAULT-VALUE}).")
  String refineLayers;

  @Option(names = "--refine-budget", defaultValue = "300", paramLabel = "M", description = "Evaluations of the refinement; 0 skips it (default: ${DEFAULT-VALUE}).")
  long refineBudget;

  @Mixin SharedOptions.Seed seedOption;

  @Mixin SharedOptions.Threads threadsOption;

  @Option(names = "--photos", defaultValue = "0", paramLabel = "N", description = "Score on the N smallest test photos only, for a quick look (default: 0, all of them).")
  int photos;

  @Override
  public Integer call() {
    return CliErrors.run(this::demo, spec.commandLine().getErr());
  }

  private int demo() throws java.io.IOException {
    DemoOptions opt = new DemoOptions(flops.stream().filter(f -> f != 0).toList(), sparsities, refineSparsity, RefineSettings.layersOf(refineLayers),
        refineBudget, seedOption.seed, threadsOption.threads);
    PruneConfig cfg = PruneConfig.defaults().with("threads", threadsOption.threads).with("eval_photos", photos);
    PrintWriter err = spec.commandLine().getErr();
    Torch.configure(threadsOption.threads);
    Files.createDirectories(out);
    try (Denoiser model = ModelFile.loadDefault()) {
      Demo.Outcome o = new Demo(model, cfg, opt, err).run();
      String command = "qprune " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
      DemoReport.write(out, o, model, cfg, opt, command.strip());
      PrintWriter w = spec.commandLine().getOut();
      w.println();
      w.print(io.qprune.bench.demo.DemoReport.table(o));
      w.printf(Locale.ROOT, "%ntotal %.1f min; report: %s%n", o.totalSeconds() / 60,
          out.resolve("index.html"));
      w.flush();
    }
    return ExitCodes.OK;
  }
}
