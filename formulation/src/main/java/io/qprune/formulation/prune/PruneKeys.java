package io.qprune.formulation.prune;

import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.refine.RefineSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of a pruning config as a file holds them (snake_case names of these components), bound
 * by {@link io.qprune.api.config.ConfigFile}; {@link PruneConfig} checks and interprets them.
 */
record PruneKeys(String model, double sparsity, Double flops, Double params, Double latency, String latencyCache,
    double budgetTolerance,
    String method, double alpha, double beta, String redundancy, String normalisation, int calibrationCrops,
    int calibrationSize, int calibrationChunk, int calibrationImages, int pooled, boolean centred, double sigma, int minUnitsPerLayer,
    double maxLayerPrune, String exactK, boolean polish, int maxSteps, String solver,
    Map<String, Object> solverParameters, Double timeLimit, long seed, long evalSeed, int evalPhotos,
    boolean evaluate, int threads, String cluster, RefineSettings refine, boolean biasCompensation) {

  /** The built-in defaults (configs/prune-default.yaml holds the same). */
  static final PruneKeys DEFAULTS = new PruneKeys("default", 0.36, null, null, null, null, Budget.DEFAULT_TOLERANCE,
      "hybrid", 0.0, 0.1, "scaled", "global-max", 64, 128, 16, 512, 8, true, 25.0, 1, 1.0, "search", true, 30, "sa",
      Map.of("num_reads", 8), null, 1, 1, 0, true, 2, "local", RefineSettings.defaults(), false);

  PruneKeys {
    solverParameters = solverParameters == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(solverParameters));
    refine = refine == null ? RefineSettings.defaults() : refine;
  }
}
