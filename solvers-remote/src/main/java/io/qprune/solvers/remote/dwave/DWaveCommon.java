package io.qprune.solvers.remote.dwave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Suggest;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.RemoteSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What both D-Wave adapters share: their parameters, solver choice and service-parameter checks. */
final class DWaveCommon {
  static final String ENDPOINT = "https://cloud.dwavesys.com/sapi/";
  static final String TOKEN_ENV = "DWAVE_API_TOKEN";

  private DWaveCommon() {}

  static List<ParameterSpec> specs() {
    List<ParameterSpec> l = new ArrayList<>(RemoteSettings.specs(ENDPOINT, TOKEN_ENV, 0.05));
    l.add(ParameterSpec.string("solver", null, "SAPI solver name (auto: an online solver of the right kind)"));
    l.add(ParameterSpec.integer("poll_wait", 30, 0, 300, "long-poll: seconds SAPI may hold a status request (0: plain polling)"));
    return l;
  }

  /** The named solver, or the best online one that {@code fits}; {@code better} orders candidates. */
  static SolverDefinition choose(Sapi sapi, String name, Predicate<SolverDefinition> fits, String kind,
      Comparator<SolverDefinition> better, Deadline d) {
    if (name != null) {
      SolverDefinition s = sapi.solver(name, d);
      if (!fits.test(s)) {
        throw new InvalidInputException("SAPI solver '" + name + "' is not a " + kind + " solver (category '"
            + s.category() + "'). Maybe pick another with 'qprune solvers --remote dwave'.");
      }
      return s;
    }
    List<SolverDefinition> all = sapi.solvers(d);
    return all.stream().filter(SolverDefinition::isOnline).filter(fits).min(better)
        .orElseThrow(() -> new InvalidInputException("No online " + kind + " solver at " + sapi.settings().endpoint()
            + " (found: " + all.stream().map(SolverDefinition::name).toList() + "). Set the 'solver' parameter."));
  }

  /**
   * Checks pass-through parameters against what the solver documents: the name must be one of
   * {@code properties.parameters} (or start with {@code x_}), and a number must lie within the
   * solver's {@code NAME_range} property where it has one.
   */
  static void checkServiceParams(ObjectNode params, SolverDefinition s, String adapter) {
    Set<String> known = s.parameters();
    params.fieldNames().forEachRemaining(k -> {
      if (!known.isEmpty() && !known.contains(k) && !k.startsWith("x_")) {
        throw new InvalidInputException("Parameter 'service_params' of " + adapter + ": '" + k + "' is not documented by"
            + " solver '" + s.name() + "', which takes: " + String.join(", ", known) + "."
            + Suggest.maybe(k, known) + " Prefix it with x_ to send it anyway.");
      }
      double[] range = s.range(k + "_range");
      JsonNode v = params.get(k);
      if (range != null && v.isNumber() && (v.asDouble() < range[0] || v.asDouble() > range[1])) {
        throw new InvalidInputException("Parameter 'service_params' of " + adapter + ": '" + k + "' is " + v.asText()
            + "; solver '" + s.name() + "' allows [" + fmt(range[0]) + ", " + fmt(range[1]) + "] (" + k + "_range).");
      }
    });
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
