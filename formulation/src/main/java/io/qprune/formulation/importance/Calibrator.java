package io.qprune.formulation.importance;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.model.Calibration;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.MaskGradients;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures every score of the spec on a calibration set in chunked forward/backward passes
 * (Taylor = |mean ∂L/∂m|, Fisher = ½ mean (∂L/∂m)², L1 from the weights) and the within-layer
 * cosine similarity of the units' average-pooled activation maps.
 */
public final class Calibrator {
  private final int chunk;
  private final int pooled;
  private final boolean centred;

  /**
   * {@code chunk}: samples per forward/backward pass (bounds memory); {@code pooled}: side of
   * the pooled activation maps (the deepest maps must be a multiple of it); {@code centred}:
   * similarity of mean-centred activations instead of plain cosine.
   */
  public Calibrator(int chunk, int pooled, boolean centred) {
    if (chunk < 1 || pooled < 1) {
      throw new InvalidInputException(
          "Calibration chunk and pooled size must be >= 1, got " + chunk + " and " + pooled);
    }
    this.chunk = chunk;
    this.pooled = pooled;
    this.centred = centred;
  }

  /** Scores and similarity of {@code model}'s units on {@code crops} (equal-sized crops). */
  public ScoreSet measure(Denoiser model, List<NoisyPair> crops) {
    if (crops.isEmpty()) {
      throw new InvalidInputException("The calibration set is empty");
    }
    int n = model.units().size();
    double[] sum = new double[n];
    double[] sumSq = new double[n];
    float[][] acts = new float[n][];
    for (int from = 0; from < crops.size(); from += chunk) {
      List<NoisyPair> part = crops.subList(from, Math.min(crops.size(), from + chunk));
      Calibration c = MaskGradients.compute(model, part, pooled);
      for (int u = 0; u < n; u++) {
        for (int s = 0; s < c.samples(); s++) {
          double g = c.gradient(u, s);
          sum[u] += g;
          sumSq[u] += g * g;
        }
        acts[u] = append(acts[u], c.activations(u));
      }
    }
    int m = crops.size();
    double[] taylor = new double[n];
    double[] fisher = new double[n];
    for (int u = 0; u < n; u++) {
      taylor[u] = Math.abs(sum[u] / m);
      fisher[u] = 0.5 * sumSq[u] / m;
    }
    UnitLayout layout = UnitLayout.of(model);
    Map<ScoreKind, double[]> scores = new EnumMap<>(ScoreKind.class);
    scores.put(ScoreKind.L1, FilterL1.of(model));
    scores.put(ScoreKind.TAYLOR, taylor);
    scores.put(ScoreKind.FISHER, fisher);
    return ScoreSet.of(layout, scores, Redundancy.cosine(layout, acts, centred), "calibration");
  }

  private static float[] append(float[] a, float[] b) {
    if (a == null) {
      return b;
    }
    float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
