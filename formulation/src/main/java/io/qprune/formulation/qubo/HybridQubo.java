package io.qprune.formulation.qubo;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.formulation.importance.Normalisation;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.Similarity;
import io.qprune.formulation.importance.UnitLayout;

/**
 * The hybrid pruning QUBO {@code E(x) = −Σ s_i x_i + β Σ_{i<j, same layer} S_ij x_i x_j} with
 * {@code s_i = α·T̂_i + (1 − α)·F̂_i}; variable i is unit i, labelled by its id. With β = 0 it is
 * the linear-only variant.
 */
public final class HybridQubo {
  private HybridQubo() {}

  /** The importance {@code s_i} of every unit. */
  public static double[] importance(ScoreSet scores, Normalisation norm, double alpha) {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new InvalidInputException("alpha must be in [0, 1], got " + alpha);
    }
    double[] s = new double[scores.layout().size()];
    double[] t = alpha > 0 ? scores.normalised(ScoreKind.TAYLOR, norm) : null;
    double[] f = alpha < 1 ? scores.normalised(ScoreKind.FISHER, norm) : null;
    for (int i = 0; i < s.length; i++) {
      s[i] = (t == null ? 0 : alpha * t[i]) + (f == null ? 0 : (1 - alpha) * f[i]);
    }
    return s;
  }

  /** Builds the model. */
  public static Qubo build(ScoreSet scores, Normalisation norm, double alpha, double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new InvalidInputException("beta must be a finite value >= 0, got " + beta);
    }
    UnitLayout layout = scores.layout();
    double[] s = importance(scores, norm, alpha);
    QuboBuilder b = Qubo.builder(layout.size()).labels(layout.ids());
    for (int i = 0; i < s.length; i++) {
      b.addLinear(i, -s[i]);
    }
    if (beta > 0) {
      Similarity sim = scores.similarity();
      for (int l = 0; l < layout.numLayers(); l++) {
        for (int a = 0; a < layout.layerSize(l); a++) {
          for (int c = a + 1; c < layout.layerSize(l); c++) {
            double v = sim.get(l, a, c);
            if (v > 0) {
              b.addQuadratic(layout.member(l, a), layout.member(l, c), beta * v);
            }
          }
        }
      }
    }
    return b.build();
  }
}
