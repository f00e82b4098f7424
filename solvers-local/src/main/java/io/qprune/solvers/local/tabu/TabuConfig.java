package io.qprune.solvers.local.tabu;

import io.qprune.api.spi.Parameters;

/** The validated parameters of one {@code tabu} solver (null fields mean "chosen by the solver"). */
record TabuConfig(Integer numReads, Integer tenure, Integer numRestarts, Integer zFirst,
    Integer zRestart, long lowerBoundZ, Double targetEnergy, double restartFromBest, int[][] initialStates, int numThreads) {

  static TabuConfig from(Parameters p) {
    return new TabuConfig(opt(p, "num_reads"), opt(p, "tenure"), opt(p, "num_restarts"),
        opt(p, "coefficient_z_first"), opt(p, "coefficient_z_restart"), p.getLong("lower_bound_z"),
        p.has("target_energy") ? p.getDouble("target_energy") : null, p.getDouble("restart_from_best"),
        p.getIntMatrix("initial_states"), p.getInt("num_threads"));
  }

  private static Integer opt(Parameters p, String name) {
    return p.has(name) ? p.getInt(name) : null;
  }

  /** Move evaluations of the first search of a read on n variables. */
  long firstZ(int n) {
    long c = zFirst != null ? zFirst : n > 500 ? 25_000 : 10_000;
    return Math.max(lowerBoundZ, c * n);
  }

  /** Move evaluations of each restart's search on n variables. */
  long restartZ(int n) {
    long c = zRestart != null ? zRestart : n > 500 ? 10_000 : 2_500;
    return Math.max(lowerBoundZ, c * n);
  }
}
