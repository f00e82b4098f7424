package io.qprune.solvers.local.sa;

import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.Parameters;

/** The validated parameters of one {@code sa} solver (null fields mean "chosen by the solver"). */
record SaConfig(Integer numReads, Integer numSweeps, int sweepsPerBeta, double[] betaRange,
    String scheduleType, double[] customSchedule, int[][] initialStates, int numThreads,
    String layout) {

  static SaConfig from(Parameters p) {
    Integer reads = p.has("num_reads") ? p.getInt("num_reads") : null;
    Integer sweeps = p.has("num_sweeps") ? p.getInt("num_sweeps") : null;
    int perBeta = p.getInt("num_sweeps_per_beta");
    String type = p.getString("beta_schedule_type");
    double[] custom = p.getDoubles("beta_schedule");
    double[] range = p.getDoubles("beta_range");
    if (type.equals("custom")) {
      if (custom == null || custom.length == 0) {
        throw new InvalidInputException("Parameter 'beta_schedule' of solver 'sa' is required when"
            + " beta_schedule_type is 'custom'. Maybe give beta_schedule: [0.1, 0.5, 1, 3]");
      }
      if (sweeps != null && sweeps != (long) custom.length * perBeta) {
        throw new InvalidInputException("Parameter 'num_sweeps' of solver 'sa' is " + sweeps
            + " but a custom beta_schedule of " + custom.length + " betas × num_sweeps_per_beta "
            + perBeta + " makes " + (long) custom.length * perBeta + "; leave num_sweeps unset");
      }
    } else {
      if (custom != null) {
        throw new InvalidInputException("Parameter 'beta_schedule' of solver 'sa' is only used when"
            + " beta_schedule_type is 'custom' (it is '" + type + "'). Maybe set beta_schedule_type: custom");
      }
      if (sweeps != null && sweeps % perBeta != 0) {
        throw new InvalidInputException("Parameter 'num_sweeps' of solver 'sa' is " + sweeps
            + "; it must be a multiple of num_sweeps_per_beta (" + perBeta + ")");
      }
      if (range != null && type.equals("geometric") && !(range[0] > 0 && range[1] > 0)) {
        throw new InvalidInputException("Parameter 'beta_range' of solver 'sa' is [" + range[0] + ", "
            + range[1] + "]; a geometric schedule needs both ends > 0. Maybe use beta_schedule_type: linear");
      }
    }
    return new SaConfig(reads, sweeps, perBeta, range, type, custom, p.getIntMatrix("initial_states"),
        p.getInt("num_threads"), p.getString("layout"));
  }
}
