package io.qprune.solvers.local.pt;

import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.Parameters;

/** The validated parameters of one {@code pt} solver (null fields mean "chosen by the solver"). */
record PtConfig(Integer numTemperatures, double[] betaRange, Integer numSweeps, int sweepsPerExchange,
    String clusterMoves, double clusterFraction, Double targetEnergy, int numThreads, String ladder) {

  static PtConfig from(Parameters p) {
    double[] range = p.getDoubles("beta_range");
    if (range != null && !(range[0] < range[1])) {
      throw new InvalidInputException("Parameter 'beta_range' of solver 'pt' is [" + range[0] + ", " + range[1]
          + "]; the hot beta must be below the cold one. Maybe beta_range: [0.1, 5]");
    }
    return new PtConfig(p.has("num_temperatures") ? p.getInt("num_temperatures") : null, range,
        p.has("num_sweeps") ? p.getInt("num_sweeps") : null, p.getInt("sweeps_per_exchange"),
        p.getString("cluster_moves"), p.getDouble("cluster_fraction"),
        p.has("target_energy") ? p.getDouble("target_energy") : null, p.getInt("num_threads"),
        p.getString("ladder"));
  }

  /** The ladder's length for n variables. */
  int temperatures(int n) {
    return numTemperatures != null ? numTemperatures : (int) Math.max(8, Math.min(48, Math.round(Math.sqrt(n) / 2)));
  }
}
