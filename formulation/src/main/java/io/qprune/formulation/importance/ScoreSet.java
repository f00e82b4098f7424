package io.qprune.formulation.importance;

import io.qprune.api.InvalidInputException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the formulation needs about a network, however it was measured: its unit layout,
 * raw non-negative scores of some {@link ScoreKind}s, and (optionally) within-layer similarity.
 */
public final class ScoreSet {
  private final UnitLayout layout;
  private final Map<ScoreKind, double[]> raw;
  private final Similarity similarity;

  private ScoreSet(UnitLayout layout, Map<ScoreKind, double[]> raw, Similarity similarity) {
    this.layout = layout;
    this.raw = raw;
    this.similarity = similarity;
  }

  /**
   * Checks and copies the scores: each array has one finite value ≥ 0 per unit; {@code source}
   * names where they came from in errors. {@code similarity} may be null.
   */
  public static ScoreSet of(UnitLayout layout, Map<ScoreKind, double[]> scores,
      Similarity similarity, String source) {
    if (scores.isEmpty()) {
      throw new InvalidInputException(source + ": no scores (need l1, taylor or fisher)");
    }
    Map<ScoreKind, double[]> copy = new EnumMap<>(ScoreKind.class);
    scores.forEach((kind, v) -> {
      if (v.length != layout.size()) {
        throw new InvalidInputException(source + ": '" + kind + "' has " + v.length
            + " values but there are " + layout.size() + " units");
      }
      for (int i = 0; i < v.length; i++) {
        if (!Double.isFinite(v[i]) || v[i] < 0) {
          throw new InvalidInputException(source + ": '" + kind + "' of unit '" + layout.id(i)
              + "' (index " + i + ") is " + v[i] + "; scores must be finite and >= 0"
              + (v[i] < 0 ? " (take the absolute value of signed Taylor scores)" : ""));
        }
      }
      copy.put(kind, v.clone());
    });
    if (similarity != null && similarity.numLayers() != layout.numLayers()) {
      throw new InvalidInputException(source + ": similarity covers " + similarity.numLayers()
          + " layers, the units " + layout.numLayers());
    }
    return new ScoreSet(layout, copy, similarity);
  }

  public UnitLayout layout() {
    return layout;
  }

  public boolean has(ScoreKind kind) {
    return raw.containsKey(kind);
  }

  /** A copy of the raw scores of one kind; a missing kind is an error naming what is there. */
  public double[] raw(ScoreKind kind) {
    double[] v = raw.get(kind);
    if (v == null) {
      throw new InvalidInputException("The scores have no '" + kind + "' values (they have "
          + raw.keySet() + "); this method needs them");
    }
    return v.clone();
  }

  /** The scores of one kind after {@code norm}. */
  public double[] normalised(ScoreKind kind, Normalisation norm) {
    return norm.apply(raw(kind), layout);
  }

  public boolean hasSimilarity() {
    return similarity != null;
  }

  /** The similarity; an error when none was given. */
  public Similarity similarity() {
    if (similarity == null) {
      throw new InvalidInputException("No similarity matrices were given; the redundancy term"
          + " (beta > 0) needs one per layer. Maybe set beta to 0.");
    }
    return similarity;
  }
}
