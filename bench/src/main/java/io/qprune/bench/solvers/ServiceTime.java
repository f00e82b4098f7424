package io.qprune.bench.solvers;

import io.qprune.api.SolveInfo;
import java.util.List;
import java.util.Map;

/**
 * The time a remote service reports for itself, in seconds, read from the solve info the remote
 * adapters fill: {@code service_info.run_time} (µs; D-Wave hybrid solvers, and bqm-http services
 * that follow dimod's convention), {@code timing_us.qpu_access_time} (µs; D-Wave QPU) or
 * {@code timing_ms.total_elapsed_time} (ms; Fujitsu Digital Annealer). Null for local solvers.
 */
public final class ServiceTime {
  /** Where to look, in order: the info property, the key inside it, and seconds per unit. */
  private static final List<Object[]> SOURCES = List.of(new Object[] {"service_info", "run_time", 1e-6},
      new Object[] {"timing_us", "qpu_access_time", 1e-6}, new Object[] {"timing_ms", "total_elapsed_time", 1e-3});

  private ServiceTime() {}

  /** The service's own time in seconds, or null when the info carries none. */
  public static Double seconds(SolveInfo info) {
    for (Object[] s : SOURCES) {
      if (info.properties().get((String) s[0]) instanceof Map<?, ?> m) {
        Object v = m.get(s[1]);
        Double d = v instanceof Number n ? Double.valueOf(n.doubleValue()) : parse(v);
        if (d != null && Double.isFinite(d) && d >= 0) {
          return d * (Double) s[2];
        }
      }
    }
    return null;
  }

  private static Double parse(Object v) {
    try {
      return v == null ? null : Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      return null; // a service value that is not a number is no timing figure
    }
  }
}
