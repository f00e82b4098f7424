package io.qprune.solvers.remote;

import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.Suggest;
import io.qprune.solvers.remote.dwave.DWaveCatalog;
import java.util.List;
import java.util.Map;

/**
 * Service-side solver discovery, where a service has it: {@code dwave} (SAPI's
 * {@code solvers/remote/}). Connection parameters are those of the adapters ({@code endpoint},
 * {@code token_env}, {@code token_file}, timeouts, retries).
 */
public final class RemoteCatalog {
  private static final List<String> SERVICES = List.of("dwave");

  private RemoteCatalog() {}

  /** The services that can list their solvers. */
  public static List<String> services() {
    return SERVICES;
  }

  /** The solvers the service offers now. */
  public static List<RemoteSolverInfo> list(String service, Map<String, ?> parameters) {
    if ("dwave".equals(service)) {
      return DWaveCatalog.list(parameters);
    }
    throw new InvalidInputException("Service '" + service + "' has no solver discovery; known: "
        + String.join(", ", SERVICES) + "." + Suggest.maybe(String.valueOf(service), SERVICES)
        + " (fujitsu-da and bqm-http each drive a single solver.)");
  }
}
