package io.qprune.formulation.evolve;

/**
 * One network of a Pareto front: the phase that found it, its mask, the fraction of prunable
 * weights kept, its validation error (the searched objective) and its test error (NaN until
 * measured).
 */
public record FrontMember(int phase, WeightMask mask, double keptFraction, double valError, double testError) {
  FrontMember withTestError(double e) {
    return new FrontMember(phase, mask, keptFraction, valError, e);
  }

  double[] objectives() {
    return new double[] {keptFraction, valError};
  }
}
