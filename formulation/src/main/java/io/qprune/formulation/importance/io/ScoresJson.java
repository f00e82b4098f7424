package io.qprune.formulation.importance.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.Similarity;
import io.qprune.formulation.importance.UnitLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scores as JSON: {@code {"units": [{"id", "layer", "l1", "taylor", "fisher"}, ...],
 * "similarity": {"<layer>": [[...], ...], ...}}}; scores and similarity are optional, but a
 * score given for one unit must be given for all. {@code qprune prune} writes this form too.
 */
public final class ScoresJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScoresJson() {}

  /** Parses the JSON text; {@code source} names it in errors. */
  public static ScoreSet parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidInputException(source + " is not valid JSON (line "
          + e.getLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("units").isArray()) {
      throw new InvalidInputException(source + ": expected an object with a 'units' array");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("units") && !f.equals("similarity") && !f.equals("info")) {
        throw new InvalidInputException(source + ": unknown field '" + f
            + "'; expected units, similarity (and optional info)");
      }
    }
    JsonNode units = root.get("units");
    int n = units.size();
    List<String> ids = new ArrayList<>(n);
    List<String> layers = new ArrayList<>(n);
    Map<ScoreKind, double[]> scores = new EnumMap<>(ScoreKind.class);
    for (int i = 0; i < n; i++) {
      JsonNode u = units.get(i);
      if (!u.isObject()) {
        throw new InvalidInputException(source + ": units[" + i + "] is not an object");
      }
      ids.add(text(u, "id", i, source));
      layers.add(text(u, "layer", i, source));
      for (ScoreKind k : ScoreKind.values()) {
        JsonNode v = u.get(k.id());
        boolean has = v != null && !v.isNull();
        if (i == 0 && has) {
          scores.put(k, new double[n]);
        }
        if (has != scores.containsKey(k)) {
          throw new InvalidInputException(source + ": units[" + i + "] ('" + ids.get(i) + "') "
              + (has ? "has" : "lacks") + " '" + k + "' but units[0] " + (has ? "does not" : "has it")
              + "; give a score for every unit or for none");
        }
        if (has) {
          if (!v.isNumber()) {
            throw new InvalidInputException(source + ": units[" + i + "]." + k + " is " + v
                + ", not a number");
          }
          scores.get(k)[i] = v.asDouble();
        }
      }
    }
    UnitLayout layout = UnitLayout.of(ids, layers);
    return ScoreSet.of(layout, scores, similarity(root.get("similarity"), layout, source), source);
  }

  private static String text(JsonNode u, String field, int i, String source) {
    JsonNode v = u.get(field);
    if (v == null || !(v.isTextual() || v.isNumber())) {
      throw new InvalidInputException(source + ": units[" + i + "] has no '" + field + "' string");
    }
    return v.asText();
  }

  private static Similarity similarity(JsonNode node, UnitLayout layout, String source) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidInputException(source + ": 'similarity' must map layer names to matrices");
    }
    double[][][] m = new double[layout.numLayers()][][];
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String layer = it.next();
      int l = layout.layers().indexOf(layer);
      if (l < 0) {
        throw new InvalidInputException(source + ": similarity of '" + layer
            + "', which no unit belongs to (layers: " + layout.layers() + ")");
      }
      JsonNode rows = node.get(layer);
      if (!rows.isArray()) {
        throw new InvalidInputException(source + ": similarity." + layer + " is not a matrix");
      }
      m[l] = new double[rows.size()][];
      for (int a = 0; a < rows.size(); a++) {
        JsonNode row = rows.get(a);
        if (!row.isArray()) {
          throw new InvalidInputException(source + ": similarity." + layer + "[" + a + "] is not a row");
        }
        m[l][a] = new double[row.size()];
        for (int b = 0; b < row.size(); b++) {
          JsonNode v = row.get(b);
          m[l][a][b] = v.isNumber() ? v.asDouble() : Double.NaN;
        }
      }
    }
    return Similarity.of(layout, m, source);
  }

  /** The scores as JSON text (raw, un-normalised values), readable by {@link #parse}. */
  public static String write(ScoreSet s) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode units = root.putArray("units");
    UnitLayout layout = s.layout();
    Map<ScoreKind, double[]> raw = new EnumMap<>(ScoreKind.class);
    for (ScoreKind k : ScoreKind.values()) {
      if (s.has(k)) {
        raw.put(k, s.raw(k));
      }
    }
    for (int i = 0; i < layout.size(); i++) {
      ObjectNode u = units.addObject();
      u.put("id", layout.id(i));
      u.put("layer", layout.layers().get(layout.layerOf(i)));
      for (Map.Entry<ScoreKind, double[]> e : raw.entrySet()) {
        u.put(e.getKey().id(), e.getValue()[i]);
      }
    }
    if (s.hasSimilarity()) {
      ObjectNode sim = root.putObject("similarity");
      for (int l = 0; l < layout.numLayers(); l++) {
        ArrayNode rows = sim.putArray(layout.layers().get(l));
        for (double[] row : s.similarity().layer(l)) {
          ArrayNode r = rows.addArray();
          for (double v : row) {
            r.add(v);
          }
        }
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }
}
