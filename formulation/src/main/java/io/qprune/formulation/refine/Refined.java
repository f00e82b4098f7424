package io.qprune.formulation.refine;

import io.qprune.api.blackbox.BlackBoxResult;
import io.qprune.formulation.model.Mask;
import java.util.List;

/**
 * What the refinement did: the start and refined masks, the sub-problem's layers and size, the
 * validation PSNR before and after, and the optimiser's result (evaluations, trace, stop reason).
 */
public record Refined(Mask start, Mask mask, List<String> layers, int units, int kept,
    double valBefore, double valAfter, BlackBoxResult result, double seconds,
    double evaluationSeconds) {

  /** Distinct masks evaluated per second of evaluation. */
  public double evaluationsPerSecond() {
    return evaluationSeconds > 0 ? result.evaluations() / evaluationSeconds : Double.NaN;
  }
}
