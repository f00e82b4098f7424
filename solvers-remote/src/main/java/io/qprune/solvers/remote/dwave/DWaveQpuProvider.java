package io.qprune.solvers.remote.dwave;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import io.qprune.solvers.remote.internal.Credentials;
import io.qprune.solvers.remote.internal.RemoteSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers {@code dwave-qpu}: D-Wave quantum annealers, for models already on the working graph. */
public final class DWaveQpuProvider implements SolverProvider {
  static final String NAME = "dwave-qpu";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "D-Wave QPU (remote; model must fit the working graph, no embedding; qp encoding, re-scored locally)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> l = new ArrayList<>(DWaveCommon.specs());
    l.add(ParameterSpec.choice("qubit_mapping", "labels", List.of("labels", "index"),
        "labels: integer labels are qubit numbers; index: variable i is qubit i"));
    l.add(ParameterSpec.bool("compress", true, "deflate the problem upload (Content-Encoding: deflate)"));
    return l;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.REMOTE, Capability.TIME_LIMIT);
  }

  @Override
  public Solver create(Parameters p) {
    RemoteSettings s = RemoteSettings.of(p);
    return new DWaveQpuSolver(s, Credentials.require(NAME, System.getenv(), s.tokenEnv(), s.tokenFile()),
        p.has("solver") ? p.getString("solver") : null, "labels".equals(p.getString("qubit_mapping")),
        p.getBoolean("compress"), p.getInt("poll_wait"));
  }
}
