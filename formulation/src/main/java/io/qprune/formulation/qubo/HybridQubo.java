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
 * the linear-only variant. The {@link Redundancy#SCALED} variant weighs each pair by
 * {@code min(s_i, s_j)}, the importance a similar pair counts twice, so that β is free of the
 * scores' scale (a β of 1 removes all of that double count for identical units).
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

  /** How the redundancy of a pair enters the energy. */
  public enum Redundancy {
    /** {@code β·S_ij}, as in the spec. */
    PLAIN,
    /** {@code β·S_ij·min(s_i, s_j)}. */
    SCALED;

    /** Parses plain or scaled. */
    public static Redundancy parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("Unknown redundancy '" + text + "'. Maybe use plain or scaled.", e);
      }
    }

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Builds the model with the spec's plain redundancy term. */
  public static Qubo build(ScoreSet scores, Normalisation norm, double alpha, double beta) {
    return build(scores, norm, alpha, beta, Redundancy.PLAIN);
  }

  /** Builds the model. */
  public static Qubo build(ScoreSet scores, Normalisation norm, double alpha, double beta,
      Redundancy redundancy) {
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
            int i = layout.member(l, a);
            int j = layout.member(l, c);
            double v = sim.get(l, a, c)
                * (redundancy == Redundancy.SCALED ? Math.min(s[i], s[j]) : 1);
            if (v > 0) {
              b.addQuadratic(i, j, beta * v);
            }
          }
        }
      }
    }
    return b.build();
  }
}
