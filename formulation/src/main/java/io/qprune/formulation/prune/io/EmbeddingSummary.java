package io.qprune.formulation.prune.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.formulation.capacity.SearchStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the solver calls of a selection said about their minor-embedding (solvers that embed,
 * {@code dwave-qpu} and {@code qpu-sim}, put it in their info): the last call's chains, chain
 * strength and qubits, embedding seconds over all calls, and chain-break fractions per call.
 */
public final class EmbeddingSummary {
  private EmbeddingSummary() {}

  /** The report's {@code embedding} object, or null when no call was embedded. */
  public static ObjectNode of(List<SearchStep> steps) {
    List<Map<String, Object>> calls = new ArrayList<>();
    for (SearchStep s : steps) {
      if (s.solverInfo().containsKey("embedding_method")) {
        calls.add(s.solverInfo());
      }
    }
    if (calls.isEmpty()) {
      return null;
    }
    Map<String, Object> last = calls.get(calls.size() - 1);
    ObjectNode n = PruneFiles.mapper().createObjectNode();
    n.put("method", String.valueOf(last.get("embedding_method")));
    n.put("topology", String.valueOf(last.getOrDefault("topology", "unknown")));
    n.put("solver_calls", calls.size());
    putNumber(n, "physical_qubits", last.get("physical_qubits"));
    putNumber(n, "chain_length_max", last.get("chain_length_max"));
    putNumber(n, "chain_length_mean", last.get("chain_length_mean"));
    putNumber(n, "chain_strength", last.get("chain_strength"));
    putNumber(n, "auto_scale", last.get("auto_scale"));
    double secs = 0;
    double first = Double.NaN;
    double sum = 0;
    double max = 0;
    int reused = 0;
    for (Map<String, Object> c : calls) {
      double t = number(c.get("embedding_seconds"));
      secs += Double.isNaN(t) ? 0 : t;
      first = Double.isNaN(first) ? t : first;
      double b = number(c.get("chain_break_fraction_mean"));
      sum += b;
      max = Math.max(max, b);
      reused += Boolean.TRUE.equals(c.get("embedding_reused")) ? 1 : 0;
    }
    n.put("embedding_seconds_total", secs);
    n.put("embedding_seconds_first", first);
    n.put("embeddings_reused", reused);
    n.put("chain_break_fraction_mean", sum / calls.size());
    n.put("chain_break_fraction_max", max);
    n.put("chain_break_fraction_last", number(last.get("chain_break_fraction_mean")));
    return n;
  }

  /** One line for the command's summary. */
  public static String line(ObjectNode e) {
    return String.format(Locale.ROOT, "embedding: %s on %s, %d qubits, chain length max %d, mean %.2f, chain"
        + " strength %.4g; %.2f s embedding over %d solver calls (%d reused); chain-break fraction %.4f mean"
        + " over calls, %.4f max, %.4f last call", e.path("method").asText(), e.path("topology").asText(),
        e.path("physical_qubits").asInt(), e.path("chain_length_max").asInt(), e.path("chain_length_mean").asDouble(),
        e.path("chain_strength").asDouble(), e.path("embedding_seconds_total").asDouble(),
        e.path("solver_calls").asInt(), e.path("embeddings_reused").asInt(),
        e.path("chain_break_fraction_mean").asDouble(), e.path("chain_break_fraction_max").asDouble(),
        e.path("chain_break_fraction_last").asDouble());
  }

  static double number(Object o) {
    return o instanceof Number x ? x.doubleValue() : Double.NaN;
  }

  private static void putNumber(ObjectNode n, String key, Object value) {
    if (value instanceof Integer || value instanceof Long) {
      n.put(key, ((Number) value).longValue());
    } else if (value instanceof Number x) {
      n.put(key, x.doubleValue());
    }
  }
}
