package io.qprune.solvers.remote.fujitsu;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.Qubo;
import io.qprune.solvers.remote.internal.Json;
import io.qprune.solvers.remote.internal.RemoteSolver.Job;
import io.qprune.solvers.remote.internal.Rescore;
import io.qprune.solvers.remote.internal.ServiceErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a Done result: {@code qubo_solution.solutions[]} with {@code energy}, {@code frequency}
 * and {@code configuration} ({@code {"0": true, ...}}, only variables that occur in a term), and
 * the timing (strings, milliseconds).
 */
final class DaResult {
  private DaResult() {}

  static List<Rescore.Row> rows(JsonNode result, Qubo model, boolean[] used, ServiceErrors e, Job job) {
    String id = job.id;
    JsonNode sol = Json.field(result, "qubo_solution", e, id, "The result of job " + id);
    JsonNode solutions = Json.field(sol, "solutions", e, id, "qubo_solution of job " + id);
    if (!solutions.isArray() || solutions.isEmpty()) {
      throw e.protocol(id, "job " + id + " is Done but returned no solutions: " + Json.excerpt(sol));
    }
    int n = model.numVariables();
    List<Rescore.Row> rows = new ArrayList<>();
    for (int r = 0; r < solutions.size(); r++) {
      JsonNode s = solutions.get(r);
      JsonNode conf = Json.field(s, "configuration", e, id, "solution " + r + " of job " + id);
      int[] x = new int[n];
      boolean[] seen = new boolean[n];
      for (Iterator<Map.Entry<String, JsonNode>> it = conf.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> f = it.next();
        int v;
        try {
          v = Integer.parseInt(f.getKey());
        } catch (NumberFormatException ex) {
          v = -1;
        }
        if (v < 0 || v >= n) {
          throw e.protocol(id, "solution " + r + " of job " + id + " sets variable '" + f.getKey()
              + "', but the model has variables 0.." + (n - 1) + ": an answer for another problem");
        }
        if (!f.getValue().isBoolean()) {
          throw e.protocol(id, "solution " + r + " of job " + id + " gives variable " + v + " the value "
              + f.getValue() + "; expected true or false");
        }
        seen[v] = true;
        x[v] = model.vartype().value(f.getValue().asBoolean());
      }
      for (int v = 0; v < n; v++) {
        if (!seen[v]) {
          if (used[v]) {
            throw e.protocol(id, "solution " + r + " of job " + id + " has no value for variable " + v
                + ", which occurs in the problem: the answer is truncated or for another problem");
          }
          x[v] = model.vartype().low(); // occurs in no term: any value, same energy
        }
      }
      double energy = Json.field(s, "energy", e, id, "solution " + r + " of job " + id).asDouble();
      rows.add(new Rescore.Row(x, energy, s.path("frequency").asLong(1)));
    }
    Map<String, Object> timing = new LinkedHashMap<>();
    sol.path("timing").fields().forEachRemaining(t -> timing.put(t.getKey(), number(t.getValue())));
    job.info.put("timing_ms", timing);
    if (sol.has("result_status")) {
      job.info.put("result_status", sol.get("result_status").asBoolean());
    }
    return rows;
  }

  private static Object number(JsonNode v) {
    try {
      return Double.parseDouble(v.asText());
    } catch (NumberFormatException e) {
      return v.asText();
    }
  }
}
