package io.qprune.formulation.importance;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.model.Calibration;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierGradients;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.MaskGradients;
import io.qprune.formulation.model.UnitMeans;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures every score of the spec on a calibration set (a denoiser's crops, a classifier's
 * images) in chunked forward/backward passes
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
    return measure(model, crops, null);
  }

  /**
   * {@link #measure(Denoiser, List)} that also adds the units' outputs to {@code means} (null:
   * none) on the way, for bias compensation.
   */
  public ScoreSet measure(Denoiser model, List<NoisyPair> crops, UnitMeans.Accumulator means) {
    if (crops.isEmpty()) {
      throw new InvalidInputException("The calibration set is empty");
    }
    return measure(UnitLayout.of(model), FilterL1.of(model), crops.size(),
        (from, to) -> MaskGradients.compute(model, crops.subList(from, to), pooled, means));
  }

  /**
   * Scores and similarity of a classifier's channel units on {@code images} (the loss: each image's
   * cross-entropy); activation maps are pooled to {@link ClassifierGradients#pooledSide} whatever
   * the pooled size given here.
   */
  public ScoreSet measure(Classifier model, LabelledImages images) {
    if (images.count() == 0) {
      throw new InvalidInputException("The calibration set " + images.source() + " is empty");
    }
    int side = ClassifierGradients.pooledSide(model.spec());
    return measure(UnitLayout.ofLayers(model.channelLayers()), FilterL1.of(model), images.count(),
        (from, to) -> ClassifierGradients.compute(model, images, from, to, side));
  }

  /** Calibration of samples {@code from}..{@code to}. */
  private interface Chunk {
    Calibration of(int from, int to);
  }

  private ScoreSet measure(UnitLayout layout, double[] l1, int m, Chunk chunks) {
    int n = layout.size();
    double[] sum = new double[n];
    double[] sumSq = new double[n];
    float[][] acts = new float[n][];
    for (int from = 0; from < m; from += chunk) {
      Calibration c = chunks.of(from, Math.min(m, from + chunk));
      for (int u = 0; u < n; u++) {
        for (int s = 0; s < c.samples(); s++) {
          double g = c.gradient(u, s);
          sum[u] += g;
          sumSq[u] += g * g;
        }
        acts[u] = append(acts[u], c.activations(u));
      }
    }
    double[] taylor = new double[n];
    double[] fisher = new double[n];
    for (int u = 0; u < n; u++) {
      taylor[u] = Math.abs(sum[u] / m);
      fisher[u] = 0.5 * sumSq[u] / m;
    }
    Map<ScoreKind, double[]> scores = new EnumMap<>(ScoreKind.class);
    scores.put(ScoreKind.L1, l1);
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
