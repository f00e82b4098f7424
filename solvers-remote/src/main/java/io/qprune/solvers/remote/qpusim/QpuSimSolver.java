package io.qprune.solvers.remote.qpusim;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SampleSetBuilder;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.spi.Parameters;
import io.qprune.solvers.remote.embedding.EmbeddedProblem;
import io.qprune.solvers.remote.embedding.Embedder;
import io.qprune.solvers.remote.embedding.Embedding;
import io.qprune.solvers.remote.embedding.EmbeddingCache;
import io.qprune.solvers.remote.embedding.HardwareGraph;
import io.qprune.solvers.remote.embedding.Lattice;
import io.qprune.solvers.remote.embedding.Pegasus;
import io.qprune.solvers.remote.embedding.Zephyr;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** The {@code qpu-sim} solver: embed, check the physical problem is on the working graph, anneal it, unembed. */
final class QpuSimSolver implements Solver {
  private final Parameters p;
  private final HardwareGraph graph;
  private final EmbeddingCache cache = new EmbeddingCache();

  QpuSimSolver(Parameters p) {
    this.p = p;
    Lattice l = p.getString("topology").equals("pegasus") ? Pegasus.of(p.getInt("size")) : Zephyr.of(p.getInt("size"), 4);
    HardwareGraph g = l.graph();
    int missing = p.getInt("missing_qubits");
    if (missing >= g.size()) {
      throw new InvalidInputException("Parameter 'missing_qubits' of qpu-sim is " + missing + "; " + l.name()
          + " has only " + g.size() + " qubits");
    }
    SplittableRandom r = new SplittableRandom(12345);
    Set<Integer> gone = new HashSet<>();
    while (gone.size() < missing) {
      gone.add(g.qubit(r.nextInt(g.size())));
    }
    this.graph = gone.isEmpty() ? g : g.without(gone);
  }

  @Override
  public String name() {
    return QpuSimProvider.NAME;
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    long t0 = System.nanoTime();
    Embedder.Options o = new Embedder.Options(p.getString("embedding"), p.getDouble("density_threshold"),
        request.seed(), p.getInt("embedding_passes"));
    EmbeddingCache.Lookup found = p.getBoolean("reuse_embedding") ? cache.embed(q, graph, o)
        : new EmbeddingCache.Lookup(Embedder.embed(q, graph, o), false);
    Embedding e = found.embedding();
    double embedSeconds = (System.nanoTime() - t0) / 1e9;
    double cs = p.getDouble("chain_strength");
    EmbeddedProblem ep = EmbeddedProblem.of(q, e, graph, cs == 0 ? Double.NaN : cs, new double[] {-4, 4},
        new double[] {-1, 1});
    Qubo phys = ep.physical();
    phys.forEachInteraction((i, j, b) -> { // what a QPU accepts: only couplers of its working graph
      if (!graph.adjacent(graph.node((Integer) phys.label(i)), graph.node((Integer) phys.label(j)))) {
        throw new IllegalStateException("internal error: physical interaction off the working graph");
      }
    });
    Solver sa = Solvers.discover().create("sa", Map.of("num_reads", p.getInt("num_reads"),
        "num_sweeps", p.getInt("num_sweeps"), "num_threads", 1));
    SampleSet answer = sa.solve(phys, SolveRequest.seeded(request.seed()));
    SplittableRandom coin = new SplittableRandom(request.seed() ^ 0x9E3779B97F4A7C15L);
    SampleSetBuilder b = SampleSet.builder(q);
    double[] breaks = new double[answer.size()];
    for (int r = 0; r < answer.size(); r++) {
      int[] spins = new int[phys.numVariables()];
      for (int i = 0; i < spins.length; i++) {
        spins[i] = answer.value(r, i);
      }
      EmbeddedProblem.Unembedded u = ep.unembed(spins, coin, request.cardinality());
      breaks[r] = u.chainBreakFraction();
      b.add(u.values(), q.energy(u.values()), answer.count(r));
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("topology", graph.lattice().name());
    info.put("working_qubits", graph.size());
    info.put("embedding_method", e.method());
    info.put("embedding_seconds", embedSeconds);
    info.put("embedding_reused", found.reused());
    info.put("physical_qubits", e.numQubits());
    info.put("chain_length_mean", e.meanChainLength());
    info.put("chain_length_max", e.maxChainLength());
    info.put("chain_strength", ep.chainStrength());
    info.put("auto_scale", ep.scale());
    info.put("chain_break_fraction", breaks);
    info.put("chain_break_fraction_mean", java.util.Arrays.stream(breaks).average().orElse(0));
    double total = (System.nanoTime() - t0) / 1e9;
    return b.info(new SolveInfo(name(), total, Double.NaN, info)).build();
  }
}
