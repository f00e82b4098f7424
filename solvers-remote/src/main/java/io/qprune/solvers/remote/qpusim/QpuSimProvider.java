package io.qprune.solvers.remote.qpusim;

import io.qprune.api.Capability;
import io.qprune.api.Solver;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers {@code qpu-sim}: a local stand-in for a D-Wave QPU that minor-embeds the model on a
 * Pegasus or Zephyr working graph (optionally with missing qubits) and answers with {@code sa} on
 * the physical problem, so the embedding path runs end to end without a service.
 */
public final class QpuSimProvider implements SolverProvider {
  static final String NAME = "qpu-sim";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Simulated QPU (local): minor-embeds on Pegasus/Zephyr, sa on the physical problem, majority-vote unembedding";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.choice("topology", "pegasus", List.of("pegasus", "zephyr"), "the simulated chip's lattice"),
        ParameterSpec.integer("size", 16, 2, 32, "lattice size m (pegasus 16: Advantage; zephyr: t = 4)"),
        ParameterSpec.integer("missing_qubits", 0, 0, 100_000, "random qubits removed from the working graph (seeded)"),
        ParameterSpec.choice("embedding", "auto", List.of("auto", "clique", "heuristic"),
            "clique chains for dense components, the minorminer-style heuristic for the rest; or force one"),
        ParameterSpec.real("density_threshold", 0.5, 0, 1, "auto: a component at least this dense gets clique chains first (others get those left)"),
        ParameterSpec.real("chain_strength", 0.0, 0, 1e9, "chain coupling (0: uniform torque compensation, prefactor 1.414)"),
        ParameterSpec.integer("embedding_passes", 30, 1, 10_000, "tear-up and re-route passes of the heuristic"),
        ParameterSpec.bool("reuse_embedding", true, "reuse the last embedding for a model with the same interactions"
            + " (the capacity search's calls); false: embed every call afresh"),
        ParameterSpec.integer("num_reads", 10, 1, 10_000, "anneals of the physical problem"),
        ParameterSpec.integer("num_sweeps", 1000, 1, 1_000_000, "sa sweeps per anneal"));
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.CARDINALITY, Capability.GROUP_CARDINALITY);
  }

  @Override
  public Solver create(Parameters p) {
    return new QpuSimSolver(p);
  }
}
