package io.qprune.solvers.remote.dwave;

import io.qprune.api.Budget;
import io.qprune.api.spi.Parameters;
import io.qprune.solvers.remote.RemoteSolverInfo;
import io.qprune.solvers.remote.internal.Credentials;
import io.qprune.solvers.remote.internal.Deadline;
import io.qprune.solvers.remote.internal.RemoteSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SAPI solver discovery behind {@link io.qprune.solvers.remote.RemoteCatalog}; use that class. */
public final class DWaveCatalog {
  private DWaveCatalog() {}

  public static List<RemoteSolverInfo> list(Map<String, ?> parameters) {
    Parameters p = Parameters.validate("dwave", DWaveCommon.specs(), parameters);
    RemoteSettings s = RemoteSettings.of(p);
    Sapi sapi = new Sapi(s, Credentials.require("dwave", System.getenv(), s.tokenEnv(), s.tokenFile()), "dwave");
    List<RemoteSolverInfo> out = new ArrayList<>();
    for (SolverDefinition d : sapi.solvers(Deadline.open(Budget.unlimited()))) {
      List<String> types = new ArrayList<>();
      d.properties().path("supported_problem_types").forEach(t -> types.add(t.asText()));
      String adapter = d.isStructured() ? DWaveQpuProvider.NAME : d.supports("bqm") ? DWaveHybridProvider.NAME : "-";
      out.add(new RemoteSolverInfo(d.name(), adapter, d.status(), d.category(), types, d.avgLoad(), d.description()));
    }
    return out;
  }
}
