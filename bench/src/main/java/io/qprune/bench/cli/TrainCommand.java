package io.qprune.bench.cli;

import io.qprune.api.config.ConfigFile;
import io.qprune.formulation.train.ClassifierTrainConfig;
import io.qprune.formulation.train.ClassifierTraining;
import io.qprune.formulation.train.TrainConfig;
import io.qprune.formulation.train.TrainListener;
import io.qprune.formulation.train.Training;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune train --config FILE}: trains a denoiser, resuming from a checkpoint if present. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    header = "Train a denoiser or a ResNet classifier from a JSON config.",
    description = {
      "Train a denoiser (Adam, cosine or step LR, seeded) from a JSON config, or a ResNet"
          + " classifier when the config says \"task\": \"classification\" (configs/train-resnet20.json).",
      "Writes model.qpm, train-log.json and checkpoint.bin to the output folder;"
          + " run the same command again after a kill to resume from the last checkpoint."
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, description = "Training config (JSON), e.g. configs/train-default.json.")
  Path config;

  @Option(names = {"--out", "--output"}, defaultValue = "runs/train", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}; --output is the older name).")
  Path output;

  @Option(names = "--threads", description = "PyTorch intra-op threads (overrides the config's 'threads').")
  Integer threads;

  @Mixin SharedOptions.Progress progress;

  @Override
  public Integer call() {
    return CliErrors.run(this::train, spec.commandLine().getErr());
  }

  private int train() {
    ConfigFile file = ConfigFile.read(config);
    if (ClassifierTrainConfig.isClassification(file)) {
      return trainClassifier(ClassifierTrainConfig.from(file));
    }
    TrainConfig cfg = TrainConfig.from(file);
    if (threads != null) {
      cfg = cfg.withThreads(threads);
    }
    var out = spec.commandLine().getOut();
    Listener listener = new Listener(progress.noProgress, out, null);
    Path weights;
    try {
      weights = Training.run(cfg, output, listener);
    } finally {
      listener.close();
    }
    out.println("weights: " + weights);
    out.println("log:     " + output.resolve(Training.LOG));
    out.flush();
    return ExitCodes.OK;
  }

  private int trainClassifier(ClassifierTrainConfig cfg) {
    if (threads != null) {
      cfg = cfg.withThreads(threads);
    }
    var out = spec.commandLine().getOut();
    Listener listener = new Listener(progress.noProgress, out, "val acc %.2f %%");
    Path weights;
    try {
      weights = ClassifierTraining.run(cfg, output, listener);
    } finally {
      listener.close();
    }
    var model = io.qprune.formulation.model.ClassifierFile.load(weights);
    try (model) {
      out.println("validation accuracy: " + model.info().get("valAccuracy"));
      out.println("test accuracy:       " + model.info().get("testAccuracy"));
    }
    out.println("weights: " + weights);
    out.println("log:     " + output.resolve(Training.LOG));
    out.flush();
    return ExitCodes.OK;
  }

  /** Runs the command alone (the qprune launcher registers it as a subcommand). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainCommand()).execute(args));
  }

  private static final class Listener implements TrainListener, AutoCloseable {
    private final boolean plain;
    private final java.io.PrintWriter out;
    private ProgressBar bar;
    private final String metric;
    private String lastPsnr = "";

    /** {@code metric}: how to show a validation value (null: PSNR against the noisy input's). */
    Listener(boolean plain, java.io.PrintWriter out, String metric) {
      this.plain = plain;
      this.out = out;
      this.metric = metric;
    }

    @Override
    public void started(int firstStep, int totalSteps) {
      if (firstStep > 0) {
        out.println("resuming at step " + firstStep + " of " + totalSteps);
        out.flush();
      }
      if (!plain) {
        bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
            .setStyle(ProgressBarStyle.ASCII).startsFrom(firstStep, java.time.Duration.ZERO)
            .build();
      }
    }

    @Override
    public void stepped(int step, double loss, double lr) {
      if (bar != null) {
        bar.stepTo(step + 1);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.5f lr %.1e%s", loss, lr, lastPsnr));
      }
    }

    @Override
    public void validated(int step, double psnr, double noisyPsnr) {
      if (metric != null) {
        lastPsnr = " " + String.format(Locale.ROOT, metric, psnr);
        if (plain) {
          out.printf(Locale.ROOT, "step %d:%s%n", step, lastPsnr);
          out.flush();
        }
        return;
      }
      lastPsnr = String.format(Locale.ROOT, " val %.2f dB (+%.2f)", psnr, psnr - noisyPsnr);
      if (plain) {
        out.printf(Locale.ROOT, "step %d: val PSNR %.3f dB, noisy %.3f dB%n", step, psnr, noisyPsnr);
        out.flush();
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
