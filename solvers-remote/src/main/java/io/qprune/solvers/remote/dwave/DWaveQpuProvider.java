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

/**
 * Registers {@code dwave-qpu}: D-Wave quantum annealers; a model already on the working graph goes
 * as it is, any other is minor-embedded (clique chains and/or the heuristic) and unembedded.
 */
public final class DWaveQpuProvider implements SolverProvider {
  static final String NAME = "dwave-qpu";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "D-Wave QPU (remote; models off the working graph are minor-embedded; qp encoding, re-scored locally)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> l = new ArrayList<>(DWaveCommon.specs());
    l.add(ParameterSpec.choice("qubit_mapping", "labels", List.of("labels", "index"),
        "labels: integer labels are qubit numbers; index: variable i is qubit i"));
    l.add(ParameterSpec.bool("compress", true, "deflate the problem upload (Content-Encoding: deflate)"));
    l.add(ParameterSpec.choice("embedding", "auto", List.of("auto", "clique", "heuristic", "none"),
        "for models not on the working graph: clique chains for dense components and the heuristic for the rest,"
            + " or force one; none: refuse such models"));
    l.add(ParameterSpec.real("density_threshold", 0.5, 0, 1, "auto: a component at least this dense gets clique chains first (others get those left)"));
    l.add(ParameterSpec.real("chain_strength", 0.0, 0, 1e9, "chain coupling (0: uniform torque compensation, prefactor 1.414)"));
    l.add(ParameterSpec.integer("embedding_passes", 30, 1, 10_000, "tear-up and re-route passes of the heuristic"));
    l.add(ParameterSpec.bool("reuse_embedding", true, "reuse the last embedding for a model with the same interactions"
        + " (the capacity search's calls); false: embed every call afresh"));
    return l;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.REMOTE, Capability.TIME_LIMIT, Capability.CARDINALITY, Capability.GROUP_CARDINALITY);
  }

  @Override
  public Solver create(Parameters p) {
    RemoteSettings s = RemoteSettings.of(p);
    return new DWaveQpuSolver(s, Credentials.require(NAME, System.getenv(), s.tokenEnv(), s.tokenFile()),
        p.has("solver") ? p.getString("solver") : null, "labels".equals(p.getString("qubit_mapping")),
        p.getBoolean("compress"), p.getInt("poll_wait"), p.getString("embedding"), p.getDouble("density_threshold"),
        p.getDouble("chain_strength"), p.getInt("embedding_passes"), p.getBoolean("reuse_embedding"));
  }
}
