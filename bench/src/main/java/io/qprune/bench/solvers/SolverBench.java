package io.qprune.bench.solvers;

import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.io.Problem;
import io.qprune.api.io.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Runs every chosen solver on every instance, {@code repeats} times each, with a time limit. */
public final class SolverBench {
  /** Solve-info properties that carry a search rate, in order of preference, with their unit. */
  private static final List<String[]> RATES = List.of(new String[] {"sweeps_per_second", "sweeps/s"},
      new String[] {"moves_per_second", "moves/s"}, new String[] {"flips_per_second", "flips/s"});
  private final Solvers registry;
  private final List<String> solvers;
  private final Map<String, Map<String, Object>> parameters;
  private final double timeLimit;
  private final int repeats;
  private final long seed;
  private final Pattern filter;

  public SolverBench(Solvers registry, List<String> solvers, Map<String, Map<String, Object>> parameters,
      double timeLimit, int repeats, long seed, Pattern filter) {
    this.registry = registry;
    this.solvers = List.copyOf(solvers);
    this.parameters = parameters;
    this.timeLimit = timeLimit;
    this.repeats = repeats;
    this.seed = seed;
    this.filter = filter;
  }

  /** Creates every solver up front, so a bad name or parameter fails before any run. */
  public List<Solver> createSolvers() {
    List<Solver> out = new ArrayList<>();
    for (String s : solvers) {
      out.add(registry.create(s, parameters.getOrDefault(s, Map.of())));
    }
    return out;
  }

  /** Reads each file and runs the solvers on its instances; each row goes to {@code sink} as it comes. */
  public List<BenchRow> run(List<Path> files, Consumer<BenchRow> sink) {
    List<Solver> created = createSolvers();
    BestKnown best = new BestKnown();
    List<BenchRow> rows = new ArrayList<>();
    for (Path file : files) {
      for (Problem p : Problems.readAll(file, null)) {
        if (filter != null && !filter.matcher(p.name()).matches()) {
          continue;
        }
        Double known = best.lookup(file, p.name());
        for (Solver s : created) {
          for (int r = 0; r < repeats; r++) {
            BenchRow row = runOnce(p, s, r, known);
            rows.add(row);
            sink.accept(row);
          }
        }
      }
    }
    return rows;
  }

  private BenchRow runOnce(Problem p, Solver s, int repeat, Double known) {
    long runSeed = seed + repeat;
    SolveRequest req = SolveRequest.seeded(runSeed).withTimeLimitSeconds(timeLimit);
    long t0 = System.nanoTime();
    SampleSet set = s.solve(p.qubo(), req);
    double wall = (System.nanoTime() - t0) / 1e9;
    double rate = Double.NaN;
    String unit = "";
    for (String[] r : RATES) {
      Object v = set.info().properties().get(r[0]);
      if (v instanceof Number num && Double.isNaN(rate)) {
        rate = num.doubleValue();
        unit = r[1];
      }
    }
    double ttb = set.info().timeToBestSeconds();
    return new BenchRow(p.name(), p.qubo().numVariables(), s.name(), repeat, runSeed,
        p.objective(set.first().energy()), p.maximise(), known, ttb, wall, rate, unit);
  }
}
