package io.qprune.bench.embedding;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QpruneException;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.solvers.remote.embedding.EmbeddedProblem;
import io.qprune.solvers.remote.embedding.Embedder;
import io.qprune.solvers.remote.embedding.Embedding;
import io.qprune.solvers.remote.embedding.HardwareGraph;
import io.qprune.solvers.remote.embedding.Lattice;
import io.qprune.solvers.remote.embedding.Pegasus;
import io.qprune.solvers.remote.embedding.Zephyr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embeds QUBOs on working graphs by each method, as {@code qpu-sim} and {@code dwave-qpu} do, and
 * anneals each physical problem with sa (the simulator's stand-in for a QPU) at several chain
 * strengths to measure chain breaks; sa on the logical model gives the reference energy.
 */
public final class EmbeddingBench {
  /** What to run: methods, chain-strength scales, anneals, heuristic settings, seed. */
  public record Options(List<String> methods, double[] scales, int numReads, int numSweeps, int passes,
      double densityThreshold, long seed) {}

  private static final Pattern GRAPH = Pattern.compile("(pegasus|zephyr)(\\d+)");
  private final Options o;

  public EmbeddingBench(Options o) {
    for (String m : o.methods()) {
      new Embedder.Options(m, o.densityThreshold(), 0, 1); // an unknown method fails here
    }
    this.o = o;
  }

  /** A perfect-yield lattice by name: pegasusM (Advantage: pegasus16) or zephyrM (t = 4; zephyr15). */
  public static Lattice lattice(String name) {
    Matcher m = GRAPH.matcher(name);
    if (!m.matches()) {
      throw new InvalidInputException("--graphs: '" + name + "' is no graph; use pegasusM or zephyrM, e.g. pegasus16,zephyr15");
    }
    int size = Integer.parseInt(m.group(2));
    return m.group(1).equals("pegasus") ? Pegasus.of(size) : Zephyr.of(size, 4);
  }

  /** Every case on every graph by every method; {@code done} sees each row as it is finished. */
  public List<EmbeddingRow> run(List<EmbeddingCase> cases, List<String> graphs, Consumer<EmbeddingRow> done) {
    Solver sa = Solvers.discover().create("sa", Map.of("num_reads", o.numReads(), "num_sweeps", o.numSweeps(),
        "num_threads", 1));
    double[] reference = new double[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      reference[i] = sa.solve(cases.get(i).qubo(), SolveRequest.seeded(o.seed())).first().energy();
    }
    List<EmbeddingRow> rows = new ArrayList<>();
    for (String name : graphs) {
      HardwareGraph g = lattice(name).graph();
      for (String method : o.methods()) {
        for (int i = 0; i < cases.size(); i++) {
          EmbeddingRow r = row(cases.get(i), name, g, method, reference[i], sa);
          rows.add(r);
          done.accept(r);
        }
      }
    }
    return rows;
  }

  private EmbeddingRow row(EmbeddingCase c, String name, HardwareGraph g, String method, double reference, Solver sa) {
    long t0 = System.nanoTime();
    Embedding e;
    try {
      e = Embedder.embed(c.qubo(), g, new Embedder.Options(method, o.densityThreshold(), o.seed(), o.passes()));
    } catch (InvalidInputException x) { // no clique big enough, or the heuristic found nothing
      String why = x.getMessage().startsWith("No minor-embedding") ? "not found" : "does not fit";
      return new EmbeddingRow(c, name, g.size(), method, why + ": " + x.getMessage(), "-", (System.nanoTime() - t0) / 1e9,
          0, 0, Double.NaN, reference, List.of());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double utc = EmbeddedProblem.uniformTorqueCompensation(c.qubo(), 1.414);
    List<EmbeddingRow.Breaks> breaks = new ArrayList<>();
    for (double scale : o.scales()) {
      EmbeddedProblem ep = EmbeddedProblem.of(c.qubo(), e, g, scale * utc, new double[] {-4, 4}, new double[] {-1, 1});
      SampleSet s = sa.solve(ep.physical(), SolveRequest.seeded(o.seed()));
      SplittableRandom coin = new SplittableRandom(o.seed());
      double sum = 0;
      double max = 0;
      double best = Double.POSITIVE_INFINITY;
      int[] spins = new int[ep.physical().numVariables()];
      for (int r = 0; r < s.size(); r++) {
        for (int i = 0; i < spins.length; i++) {
          spins[i] = s.value(r, i);
        }
        EmbeddedProblem.Unembedded u = ep.unembed(spins, coin, null);
        sum += u.chainBreakFraction();
        max = Math.max(max, u.chainBreakFraction());
        best = Math.min(best, c.qubo().energy(u.values()));
      }
      if (s.size() == 0) {
        throw new QpruneException("sa returned no sample for the physical problem of " + c.name());
      }
      breaks.add(new EmbeddingRow.Breaks(scale, ep.chainStrength(), ep.scale(), sum / s.size(), max, best));
    }
    return new EmbeddingRow(c, name, g.size(), method, "ok", e.method(), secs, e.numQubits(), e.maxChainLength(),
        e.meanChainLength(), reference, breaks);
  }

  /** The sub-model of q over {@code vars} (in that order), labels kept. */
  public static Qubo restrict(Qubo q, int[] vars) {
    int[] at = new int[q.numVariables()];
    java.util.Arrays.fill(at, -1);
    List<Object> labels = new ArrayList<>();
    for (int i = 0; i < vars.length; i++) {
      at[vars[i]] = i;
      labels.add(q.label(vars[i]));
    }
    var b = Qubo.builder(q.vartype(), vars.length).labels(labels);
    for (int i = 0; i < vars.length; i++) {
      b.addLinear(i, q.linear(vars[i]));
    }
    q.forEachInteraction((i, j, w) -> {
      if (at[i] >= 0 && at[j] >= 0) {
        b.addQuadratic(at[i], at[j], w);
      }
    });
    return b.build();
  }
}
