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

/** Registers {@code dwave-hybrid}: D-Wave Leap hybrid BQM solvers, for models of any shape. */
public final class DWaveHybridProvider implements SolverProvider {
  static final String NAME = "dwave-hybrid";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "D-Wave Leap hybrid BQM solver (remote; DIMODBQM upload, SampleSet answer re-scored locally)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> l = new ArrayList<>(DWaveCommon.specs());
    l.add(ParameterSpec.real("time_limit", null, 0, 86400,
        "solver run time in seconds (auto: the solver's minimum for the model size; capped by the caller's limit)"));
    l.add(ParameterSpec.integer("upload_part_size", 5 * 1024 * 1024, 64, 100 * 1024 * 1024,
        "bytes per multipart-upload part (SAPI uses 5 MiB)"));
    return l;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.REMOTE, Capability.TIME_LIMIT);
  }

  @Override
  public Solver create(Parameters p) {
    RemoteSettings s = RemoteSettings.of(p);
    return new DWaveHybridSolver(s, Credentials.require(NAME, System.getenv(), s.tokenEnv(), s.tokenFile()),
        p.has("solver") ? p.getString("solver") : null, p.has("time_limit") ? p.getDouble("time_limit") : null,
        p.getInt("upload_part_size"), p.getInt("poll_wait"));
  }
}
