package io.qprune.solvers.remote.fujitsu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.spi.Suggest;
import io.qprune.solvers.remote.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * The Digital Annealer's QUBO request: the model (as BINARY, the only form the DA minimises) as a
 * {@code binary_polynomial} of terms {@code {"c": coefficient, "p": [indices]}} ({@code []} for the
 * constant), and the {@code fujitsuDA3} solver settings, checked against the documented names and
 * ranges.
 */
final class DaRequest {
  private static final double[] ANY = new double[0];

  /** The documented fujitsuDA3 settings and, where documented, their ranges ({@code ANY}: none). */
  static final Map<String, double[]> SETTINGS = Map.ofEntries(
      Map.entry("time_limit_sec", new double[] {1, 3600}), Map.entry("target_energy", ANY),
      Map.entry("num_run", new double[] {1, 1024}), Map.entry("num_group", new double[] {1, 16}),
      Map.entry("num_output_solution", new double[] {1, 1024}), Map.entry("gs_level", new double[] {0, 100}),
      Map.entry("gs_cutoff", new double[] {0, 1_000_000}), Map.entry("one_hot_level", ANY),
      Map.entry("one_hot_cutoff", ANY), Map.entry("internal_penalty", ANY), Map.entry("penalty_auto_mode", ANY),
      Map.entry("penalty_coef", ANY), Map.entry("penalty_inc_rate", new double[] {100, 200}),
      Map.entry("max_penalty_coef", ANY), Map.entry("guidance_config", ANY), Map.entry("fixed_config", ANY),
      Map.entry("one_way_one_hot_groups", ANY), Map.entry("two_way_one_hot_groups", ANY));

  private DaRequest() {}

  /** The request body for the BINARY model {@code b} with the given fujitsuDA3 settings. */
  static ObjectNode body(Qubo b, ObjectNode settings) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("fujitsuDA3", settings);
    ArrayNode terms = body.putObject("binary_polynomial").putArray("terms");
    if (b.offset() != 0) {
      ObjectNode t = terms.addObject().put("c", b.offset());
      t.putArray("p");
    }
    for (int i = 0; i < b.numVariables(); i++) {
      if (b.linear(i) != 0) {
        terms.addObject().put("c", b.linear(i)).putArray("p").add(i);
      }
    }
    b.forEachInteraction((i, j, c) -> {
      if (c != 0) {
        terms.addObject().put("c", c).putArray("p").add(i).add(j);
      }
    });
    return body;
  }

  /** Checks settings passed through {@code service_params}: known names, documented ranges. */
  static void check(ObjectNode settings, String adapter) {
    settings.fieldNames().forEachRemaining(k -> {
      if (!SETTINGS.containsKey(k)) {
        throw new InvalidInputException("Parameter 'service_params' of " + adapter + ": '" + k + "' is not a"
            + " fujitsuDA3 setting; known: " + String.join(", ", new java.util.TreeSet<>(SETTINGS.keySet())) + "."
            + Suggest.maybe(k, SETTINGS.keySet()));
      }
      double[] r = SETTINGS.get(k);
      JsonNode v = settings.get(k);
      if (r.length == 2 && (!v.isNumber() || v.asDouble() < r[0] || v.asDouble() > r[1])) {
        throw new InvalidInputException("Parameter 'service_params' of " + adapter + ": '" + k + "' is " + v
            + "; the Digital Annealer takes a number in [" + (long) r[0] + ", " + (long) r[1] + "]");
      }
    });
  }

  /** Variables that occur in some term (the DA reports only those in its configurations). */
  static boolean[] used(Qubo b) {
    boolean[] u = new boolean[b.numVariables()];
    for (int i = 0; i < u.length; i++) {
      u[i] = b.linear(i) != 0;
    }
    b.forEachInteraction((i, j, c) -> {
      if (c != 0) {
        u[i] = true;
        u[j] = true;
      }
    });
    return u;
  }

  static List<String> names() {
    return List.copyOf(SETTINGS.keySet());
  }
}
