package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SAPI solver definition ({@code solver-definition}): identity (name, graph id), status, load and
 * the properties this adapter reads (problem types, parameters, working graph, limits).
 */
record SolverDefinition(String name, String graphId, String status, String description, Double avgLoad,
    JsonNode properties) {

  static SolverDefinition of(JsonNode n) {
    JsonNode id = n.path("identity");
    String name = id.isObject() ? id.path("name").asText(null) : n.path("id").asText(null);
    String graph = id.isObject() ? id.path("version").path("graph_id").asText(null) : null;
    return new SolverDefinition(name, graph, n.path("status").asText(null), n.path("description").asText(""),
        n.hasNonNull("avg_load") ? n.get("avg_load").asDouble() : null, n.path("properties"));
  }

  String category() {
    return properties.path("category").asText("");
  }

  boolean isOnline() {
    return status == null || status.equalsIgnoreCase("ONLINE");
  }

  boolean supports(String problemType) {
    for (JsonNode t : properties.path("supported_problem_types")) {
      if (t.asText().equals(problemType)) {
        return true;
      }
    }
    return false;
  }

  /** Parameter names the solver documents in {@code properties.parameters}; empty when it lists none. */
  Set<String> parameters() {
    Set<String> s = new TreeSet<>();
    properties.path("parameters").fieldNames().forEachRemaining(s::add);
    return s;
  }

  boolean isStructured() {
    return properties.has("qubits") && properties.has("couplers");
  }

  int[] qubits() {
    JsonNode q = properties.path("qubits");
    int[] a = new int[q.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = q.get(i).asInt();
    }
    return a;
  }

  List<int[]> couplers() {
    List<int[]> l = new ArrayList<>();
    for (JsonNode c : properties.path("couplers")) {
      l.add(new int[] {c.get(0).asInt(), c.get(1).asInt()});
    }
    return l;
  }

  /** A documented [min, max] range property such as {@code num_reads_range}, or null. */
  double[] range(String property) {
    JsonNode r = properties.get(property);
    return r != null && r.isArray() && r.size() == 2 ? new double[] {r.get(0).asDouble(), r.get(1).asDouble()} : null;
  }

  /**
   * The smallest {@code time_limit} (seconds) for a problem of {@code n} variables: the piecewise
   * linear {@code minimum_time_limit} property, clamped at its ends (0 when absent).
   */
  double minimumTimeLimit(int n) {
    JsonNode pts = properties.path("minimum_time_limit");
    if (!pts.isArray() || pts.isEmpty()) {
      return 0;
    }
    double prevX = pts.get(0).get(0).asDouble();
    double prevY = pts.get(0).get(1).asDouble();
    if (n <= prevX) {
      return prevY;
    }
    for (int k = 1; k < pts.size(); k++) {
      double x = pts.get(k).get(0).asDouble();
      double y = pts.get(k).get(1).asDouble();
      if (n <= x) {
        return prevY + (y - prevY) * (n - prevX) / (x - prevX);
      }
      prevX = x;
      prevY = y;
    }
    return prevY;
  }

  /** The largest {@code time_limit} in seconds ({@code maximum_time_limit_hrs}), or infinity. */
  double maximumTimeLimit() {
    JsonNode h = properties.get("maximum_time_limit_hrs");
    return h == null || !h.isNumber() ? Double.POSITIVE_INFINITY : h.asDouble() * 3600;
  }

  /** {@code maximum_number_of_variables}, or Integer.MAX_VALUE. */
  int maximumVariables() {
    JsonNode m = properties.get("maximum_number_of_variables");
    return m == null || !m.canConvertToInt() ? Integer.MAX_VALUE : m.asInt();
  }
}
