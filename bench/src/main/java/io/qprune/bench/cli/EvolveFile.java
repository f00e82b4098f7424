package io.qprune.bench.cli;

import io.qprune.api.cluster.Clusters;
import io.qprune.api.config.ConfigFile;
import io.qprune.formulation.evolve.EvolveSettings;
import java.nio.file.Path;

/**
 * An evolve config file ({@code qprune evolve --config}): the {@code evolve:} settings and,
 * optionally, the model, the data folder, the PyTorch threads and the cluster; command-line options
 * override each of them.
 */
record EvolveFile(EvolveSettings evolve, String model, String data, int threads, String cluster) {
  static final EvolveFile DEFAULTS = new EvolveFile(EvolveSettings.defaults(), null, null, 2, Clusters.IN_PROCESS);

  /** The file's keys over the defaults; the defaults when {@code file} is null. */
  static EvolveFile read(Path file) {
    if (file == null) {
      return DEFAULTS;
    }
    ConfigFile f = ConfigFile.read(file);
    EvolveFile e = f.bind(EvolveFile.class, DEFAULTS);
    if (e.threads() < 1) {
      throw f.error("threads", "'threads' must be >= 1, got " + e.threads());
    }
    return e;
  }
}
