package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.evolve.WeightMask;
import io.qprune.formulation.evolve.WeightMaskFile;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.train.ClassifierFineTune;
import io.qprune.formulation.train.TrainListener;
import io.qprune.api.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune finetune}: a short masked fine-tune of a weight-pruned classifier, reported beside the untuned one. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
    header = "Fine-tune a weight-pruned classifier and report its accuracy before and after.",
    description = {"Fine-tune a weight-pruned classifier briefly (AdamW, cosine, the mask re-applied after every"
        + " step) and report its test accuracy before and after. Writes model.qpm (pruned weights zero) and"
        + " finetune.json to --out."})
public final class FinetuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", defaultValue = "resnet20", paramLabel = "FILE", description = "Classifier file, or resnet20 (default: the shipped one).")
  String model;

  @Option(names = "--mask", required = true, paramLabel = "FILE", description = "Weight mask (*.wmask.gz from `qprune evolve`).")
  Path mask;

  @Option(names = "--steps", defaultValue = "300", description = "Training batches of 128 (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--lr", defaultValue = "0.001", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Mixin SharedOptions.Seed seedOption;

  @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST folder (default: $QPRUNE_FASHION_MNIST or /usr/share/datasets/fashion-mnist).")
  Path data;

  @Mixin SharedOptions.Threads threadsOption;

  @Mixin SharedOptions.Progress progress;

  @Option(names = "--out", defaultValue = "runs/finetune", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    return CliErrors.run(this::finetune, spec.commandLine().getErr());
  }

  private int finetune() throws IOException {
    if (steps < 1 || !(lr > 0)) {
      throw new io.qprune.api.InvalidInputException("--steps must be >= 1 and --lr > 0, got " + steps + " and " + lr);
    }
    Torch.configure(threadsOption.threads);
    PrintWriter o = spec.commandLine().getOut();
    try (Classifier c = model.equals("resnet20") ? ClassifierFile.loadDefault() : ClassifierFile.load(Path.of(model))) {
      WeightMask w = WeightMaskFile.read(mask, c.weightLayers());
      List<float[]> arrays = w.arrays();
      FashionMnist.Splits s = FashionMnist.load(data);
      double unpruned = c.accuracy(s.test(), null, 500);
      double before = c.accuracy(s.test(), arrays, 500);
      long t0 = System.nanoTime();
      // --no-progress: no bar; the summary below is printed either way
      ProgressBar bar = progress.noProgress ? null : new ProgressBarBuilder().setTaskName("fine-tune")
          .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).build();
      double loss;
      try {
        loss = ClassifierFineTune.run(c, arrays, s.train(), steps, lr, seedOption.seed, new TrainListener() {
          @Override
          public void stepped(int step, double l, double rate) {
            if (bar != null) {
              bar.stepTo(step + 1);
            }
          }
        });
      } finally {
        if (bar != null) {
          bar.close();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double after = c.accuracy(s.test(), null, 500);
      double val = c.accuracy(s.validation(), null, 500);
      Files.createDirectories(out);
      c.putInfo("fineTunedFrom", mask.toString());
      c.putInfo("fineTuneSteps", Integer.toString(steps));
      c.putInfo("testAccuracy", String.format(Locale.ROOT, "%.4f", after));
      ClassifierFile.save(c, out.resolve("model.qpm"));
      ObjectMapper json = new ObjectMapper();
      ObjectNode r = json.createObjectNode();
      r.put("model", model).put("mask", mask.toString()).put("kept_fraction", w.keptFraction())
          .put("steps", steps).put("lr", lr).put("seed", seedOption.seed).put("seconds", seconds).put("final_loss", loss)
          .put("unpruned_test_accuracy", unpruned).put("pruned_test_accuracy", before)
          .put("fine_tuned_test_accuracy", after).put("fine_tuned_val_accuracy", val);
      if (!s.note().isEmpty()) {
        r.put("note", s.note());
      }
      AtomicFiles.writeString(out.resolve("finetune.json"), r.toPrettyString());
      o.printf(Locale.ROOT, "%.2f %% of %d prunable weights kept (%.2f %% removed)%n", 100 * w.keptFraction(),
          w.size(), 100 * (1 - w.keptFraction()));
      o.printf(Locale.ROOT, "test accuracy: unpruned %.2f %%, pruned %.2f %%, pruned + %d-step fine-tune %.2f %%"
          + " (%.1f s)%n", 100 * unpruned, 100 * before, steps, 100 * after, seconds);
      o.printf(Locale.ROOT, "wrote %s (model.qpm, finetune.json)%n", out);
      o.flush();
    }
    return ExitCodes.OK;
  }
}
