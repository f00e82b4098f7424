package io.qprune.bench.demo;

import io.qprune.api.InvalidInputException;
import java.util.List;

/**
 * What the demo runs: the FLOPs budgets of the headline comparison (fractions of the unpruned
 * FLOPs; may be empty), the sparsities of the unit-count comparison, the one that is refined, the
 * refinement's layer count and evaluation budget (0: no refinement), the seed and the PyTorch threads.
 */
public record DemoOptions(List<Double> flops, List<Double> sparsities, double refineSparsity, int refineLayers,
    long refineBudget, long seed, int threads) {
  public DemoOptions {
    flops = List.copyOf(flops);
    for (double f : flops) {
      if (!(f > 0 && f < 1)) {
        throw new InvalidInputException("FLOPs budgets must lie in (0, 1), got " + f);
      }
    }
    sparsities = List.copyOf(sparsities);
    for (double s : sparsities) {
      if (!(s > 0 && s < 1)) {
        throw new InvalidInputException("Sparsities must lie in (0, 1), got " + s);
      }
    }
    if (!sparsities.contains(refineSparsity)) {
      throw new InvalidInputException("The refined sparsity " + refineSparsity + " must be one of the"
          + " sparsities " + sparsities);
    }
    if (refineBudget < 0 || refineLayers < 0 || threads < 1) {
      throw new InvalidInputException("Refine budget and layers must be >= 0 and threads >= 1");
    }
  }

  /** 50 % FLOPs; 20/36/50 % sparsity, refine 36 % on 8 layers with 300 evaluations, seed 1, 2 threads. */
  public static DemoOptions defaults() {
    return new DemoOptions(List.of(0.5), List.of(0.2, 0.36, 0.5), 0.36, 8, 300, 1, 2);
  }
}
