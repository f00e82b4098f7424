package io.qprune.bench.cli;

import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options several commands share, as picocli mixins: one name, one meaning, one description each. */
final class SharedOptions {
  private SharedOptions() {}

  /** {@code --seed}: the run's random choices; the same seed gives the same output. */
  static final class Seed {
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
        description = "Seed of the run's random choices (noise, crops, solver, batches); the same seed gives"
            + " the same output (default: ${DEFAULT-VALUE}).")
    long seed;
  }

  /** {@code --threads}: PyTorch's intra-op threads. */
  static final class Threads {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
        description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;
  }

  /** {@code --model}: a denoiser model file, or the shipped one. */
  static final class Model {
    @Option(names = "--model", paramLabel = "FILE",
        description = "Model file (default: the shipped Half-UNet C = 32, sigma 25, grey).")
    Path model;
  }

  /** {@code --compensation}: bias compensation of a unit-masked Half-UNet, as {@code prune --compensation} does. */
  static final class Compensation {
    @Option(names = "--compensation",
        description = "Bias compensation (Half-UNet, unit masks): fold each pruned unit's mean on the calibration"
            + " crops (the default config's, seeded by --compensation-seed) into its consumers' biases.")
    boolean on;

    @Option(names = "--compensation-seed", paramLabel = "N", defaultValue = "1",
        description = "Seed of the calibration crops the means come from: prune's --seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Turns compensation on for {@code m} when asked. */
    void apply(Denoiser m) {
      if (on) {
        m.setCompensation(PruneRun.unitMeans(m, PruneConfig.defaults().with("seed", seed)));
      }
    }
  }

  /** {@code --no-progress} (formerly {@code --plain}): plain lines instead of a progress bar. */
  static final class Progress {
    @Option(names = {"--no-progress", "--plain"},
        description = "One line per step (iteration, generation, validation) instead of a progress bar"
            + " (--plain is the older name).")
    boolean noProgress;
  }
}
