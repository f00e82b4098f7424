package io.qprune.bench.pruning;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.prune.Method;
import java.util.List;

/**
 * What the pruning comparison runs: sparsities, how many seeds, which methods, whether the hybrid's
 * α/β are tuned on validation crops (and over which grid), the validation crops used, and the
 * optional repairs of each pruned network, reported as extra rows: batch-norm recalibration
 * (batches; 0: none) and a short fine-tune (steps, learning rate; 0 steps: none); and TT
 * refinement of each hybrid mask on sub-problems of the given layer counts (0: all layers), with
 * the given evaluation budget, reported as {@code hybrid+tt8}, {@code hybrid+tt-all}, …. With a
 * {@code budget} kind, the "sparsities" are budget levels instead: fractions of the unpruned
 * network's FLOPs or parameters every method must meet (within the config's tolerance).
 */
public record BenchOptions(List<Double> sparsities, int seeds, List<Method> methods, boolean tune,
    List<Double> alphas, List<Double> betas, int valCrops, int valCropSize, int bnBatches,
    int fineTuneSteps, double fineTuneLr, List<Integer> refineLayers, long refineBudget,
    io.qprune.formulation.cost.CostKind budget) {
  /** Options of a comparison at unit sparsities (no budget). */
  public BenchOptions(List<Double> sparsities, int seeds, List<Method> methods, boolean tune,
      List<Double> alphas, List<Double> betas, int valCrops, int valCropSize, int bnBatches,
      int fineTuneSteps, double fineTuneLr, List<Integer> refineLayers, long refineBudget) {
    this(sparsities, seeds, methods, tune, alphas, betas, valCrops, valCropSize, bnBatches, fineTuneSteps,
        fineTuneLr, refineLayers, refineBudget, null);
  }

  public BenchOptions {
    refineLayers = List.copyOf(refineLayers);
    if (refineBudget < 1) {
      throw new InvalidInputException("The refinement budget must be >= 1 evaluation, got " + refineBudget);
    }
    sparsities = List.copyOf(sparsities);
    methods = List.copyOf(methods);
    alphas = List.copyOf(alphas);
    betas = List.copyOf(betas);
    if (sparsities.isEmpty() || methods.isEmpty()) {
      throw new InvalidInputException("Give at least one sparsity and one method");
    }
    for (double s : sparsities) {
      if (!(s > 0 && s < 1) && !(budget != null && s == 1)) {
        throw new InvalidInputException("Sparsities must lie in (0, 1), got " + s);
      }
    }
    if (seeds < 1 || valCrops < 1 || valCropSize < 1) {
      throw new InvalidInputException("Need seeds, val crops and their size >= 1");
    }
    if (bnBatches < 0 || fineTuneSteps < 0 || !(fineTuneLr > 0)) {
      throw new InvalidInputException("BN batches and fine-tune steps must be >= 0, the learning rate > 0");
    }
    if (tune && (alphas.isEmpty() || betas.isEmpty())) {
      throw new InvalidInputException("Tuning needs at least one alpha and one beta");
    }
  }
}
