package io.qprune.formulation.importance.io;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.Similarity;
import io.qprune.formulation.importance.UnitLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores as NumPy arrays (one {@code .npz}, or a folder of {@code .npy} files named alike):
 * {@code layer} (n,) layer name or number per unit; optional {@code id} (n,) unit ids (default
 * {@code layer:position}); {@code l1}, {@code taylor}, {@code fisher} (n,) floats, any subset;
 * {@code similarity_<layer>} (m, m) per layer, all or none.
 */
final class ScoreArrays {
  private static final String SIM = "similarity_";

  private ScoreArrays() {}

  static ScoreSet toScores(Map<String, NpyArray> arrays, String source) {
    NpyArray layerArr = arrays.get("layer");
    if (layerArr == null) {
      throw new InvalidInputException(source + " has no 'layer' array (one layer name per unit);"
          + " found " + arrays.keySet());
    }
    long[] shape = layerArr.shape();
    if (shape.length != 1 || shape[0] < 1) {
      throw new InvalidInputException(source + ": 'layer' must be 1-D with one entry per unit,"
          + " got shape " + java.util.Arrays.toString(shape));
    }
    int n = (int) shape[0];
    List<String> layers = layerArr.strings();
    List<String> ids;
    if (arrays.containsKey("id")) {
      NpyArray idArr = arrays.get("id");
      if (idArr.shape().length != 1 || idArr.shape()[0] != n) {
        throw new InvalidInputException(source + ": 'id' has shape "
            + java.util.Arrays.toString(idArr.shape()) + "; expected (" + n + ",)");
      }
      ids = idArr.strings();
    } else {
      ids = new ArrayList<>(n);
      Map<String, Integer> seen = new java.util.HashMap<>();
      for (String l : layers) {
        ids.add(l + ":" + (seen.merge(l, 1, Integer::sum) - 1));
      }
    }
    UnitLayout layout = UnitLayout.of(ids, layers);
    Map<ScoreKind, double[]> scores = new EnumMap<>(ScoreKind.class);
    for (ScoreKind k : ScoreKind.values()) {
      NpyArray a = arrays.get(k.id());
      if (a != null) {
        scores.put(k, a.vector(n));
      }
    }
    for (String key : arrays.keySet()) {
      boolean known = key.equals("layer") || key.equals("id") || key.startsWith(SIM)
          || java.util.Arrays.stream(ScoreKind.values()).anyMatch(k -> k.id().equals(key));
      if (!known) {
        throw new InvalidInputException(source + ": unknown array '" + key + "'. Known: layer, id,"
            + " l1, taylor, fisher, similarity_<layer>");
      }
    }
    return ScoreSet.of(layout, scores, similarity(arrays, layout, source), source);
  }

  private static Similarity similarity(Map<String, NpyArray> arrays, UnitLayout layout,
      String source) {
    boolean any = arrays.keySet().stream().anyMatch(k -> k.startsWith(SIM));
    if (!any) {
      return null;
    }
    double[][][] m = new double[layout.numLayers()][][];
    for (int l = 0; l < layout.numLayers(); l++) {
      String layer = layout.layers().get(l);
      NpyArray a = arrays.get(SIM + layer);
      if (a == null) {
        throw new InvalidInputException(source + " has no '" + SIM + layer + "' array; give a"
            + " similarity matrix for every layer or for none");
      }
      m[l] = a.square(layout.layerSize(l));
    }
    for (String key : arrays.keySet()) {
      if (key.startsWith(SIM) && !layout.layers().contains(key.substring(SIM.length()))) {
        throw new InvalidInputException(source + ": '" + key + "' names no layer of the units"
            + " (layers: " + layout.layers() + ")");
      }
    }
    return Similarity.of(layout, m, source);
  }
}
