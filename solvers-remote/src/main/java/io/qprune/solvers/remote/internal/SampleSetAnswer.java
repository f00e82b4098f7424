package io.qprune.solvers.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a dimod SampleSet ({@code to_serializable()}, schema 3.x) returned for a model: columns are
 * matched to the model's variables by label, packed rows (uint32 words, bit k of word w = variable
 * 32w+k) or plain rows are unpacked, and every count and length is checked so that a truncated
 * answer or one for another problem is an error naming both values.
 */
public final class SampleSetAnswer {
  private SampleSetAnswer() {}

  public static List<Rescore.Row> rows(JsonNode ss, Qubo q, ServiceErrors e, String id) {
    String where = "The SampleSet of " + (id == null ? "the answer" : "problem " + id);
    if (ss.has("type") && !"SampleSet".equals(ss.get("type").asText())) {
      throw e.protocol(id, where + " has type '" + ss.get("type").asText() + "'; expected 'SampleSet'");
    }
    int n = q.numVariables();
    JsonNode labels = Json.field(ss, "variable_labels", e, id, where);
    int declared = ss.path("num_variables").asInt(labels.size());
    if (labels.size() != n || declared != n) {
      throw e.protocol(id, where + " has " + declared + " variables (" + labels.size()
          + " labels); the model has " + n + ". The answer may belong to another problem.");
    }
    int[] column = new int[n]; // answer column -> model variable
    boolean[] seen = new boolean[n];
    for (int c = 0; c < n; c++) {
      Object label = Json.MAPPER.convertValue(labels.get(c), Object.class);
      int v = q.indexOf(label);
      if (v < 0 || seen[v]) {
        throw e.protocol(id, where + " has variable " + labels.get(c) + (v < 0 ? ", which the model lacks" : " twice")
            + ". The answer may belong to another problem.");
      }
      seen[v] = true;
      column[c] = v;
    }
    Vartype vt = Vartype.parse(Json.field(ss, "variable_type", e, id, where).asText());
    int rows = Json.field(ss, "num_rows", e, id, where).asInt();
    JsonNode data = Json.field(Json.field(ss, "sample_data", e, id, where), "data", e, id, where + ".sample_data");
    if (ss.path("sample_data").path("use_bytes").asBoolean(false)) {
      throw e.protocol(id, where + " uses use_bytes=true (BSON only); expected JSON lists");
    }
    if (data.size() != rows) {
      throw e.protocol(id, where + " declares " + rows + " rows but holds " + data.size() + "; it is truncated");
    }
    boolean packed = ss.path("sample_packed").asBoolean(true);
    JsonNode vectors = Json.field(ss, "vectors", e, id, where);
    double[] energy = numbers(vectors.path("energy").path("data"), rows, e, id, where + ": its energy vector", true);
    double[] counts = vectors.has("num_occurrences")
        ? numbers(vectors.path("num_occurrences").path("data"), rows, e, id, where + ": its num_occurrences vector", false) : null;
    List<Rescore.Row> out = new ArrayList<>(rows);
    int words = (n + 31) / 32;
    for (int r = 0; r < rows; r++) {
      JsonNode row = data.get(r);
      int expect = packed ? words : n;
      if (row.size() != expect) {
        throw e.protocol(id, where + ": row " + r + " has " + row.size() + (packed ? " packed words" : " values")
            + "; " + n + " variables need " + expect + ". The answer is truncated or for another problem.");
      }
      int[] x = new int[n];
      for (int c = 0; c < n; c++) {
        boolean set;
        if (packed) {
          set = (row.get(c >>> 5).asLong() >>> (c & 31) & 1L) != 0;
        } else {
          int val = row.get(c).asInt();
          if (val != vt.low() && val != vt.high()) {
            throw e.protocol(id, where + ": row " + r + " has value " + val + " for a " + vt + " variable");
          }
          set = val == vt.high();
        }
        x[column[c]] = q.vartype().value(set); // 1 and +1 are the same state in either domain
      }
      out.add(new Rescore.Row(x, energy[r], counts == null ? 1 : (long) counts[r]));
    }
    return out;
  }

  private static double[] numbers(JsonNode arr, int rows, ServiceErrors e, String id, String what, boolean required) {
    if (!arr.isArray()) {
      if (required) {
        throw e.protocol(id, what + " is missing");
      }
      return null;
    }
    if (arr.size() != rows) {
      throw e.protocol(id, what + " has " + arr.size() + " entries for " + rows + " rows; the answer is truncated");
    }
    double[] d = new double[rows];
    for (int r = 0; r < rows; r++) {
      if (!arr.get(r).isNumber()) {
        throw e.protocol(id, what + " entry " + r + " is " + arr.get(r) + ", not a number");
      }
      d[r] = arr.get(r).asDouble();
    }
    return d;
  }

  /** The SampleSet's own {@code info} object as plain Java values (timing and the like). */
  public static Map<String, Object> info(JsonNode ss) {
    JsonNode i = ss.get("info");
    if (i == null || !i.isObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = Json.MAPPER.convertValue(i, Map.class);
    return m;
  }
}
