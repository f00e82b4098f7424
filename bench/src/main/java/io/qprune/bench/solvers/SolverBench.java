package io.qprune.bench.solvers;

import io.qprune.api.InvalidInputException;
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

/**
 * Runs every cell of a plan — each instance × solver label × time limit × repeat — in that order,
 * reusing the rows of cells already done (a resumed campaign) instead of running them again.
 */
public final class SolverBench {
  /** Solve-info properties that carry a search rate, in order of preference, with their unit. */
  private static final List<String[]> RATES = List.of(new String[] {"sweeps_per_second", "sweeps/s"},
      new String[] {"moves_per_second", "moves/s"}, new String[] {"flips_per_second", "flips/s"});
  private final Solvers registry;
  private final BenchPlan plan;

  public SolverBench(Solvers registry, BenchPlan plan) {
    this.registry = registry;
    this.plan = plan;
  }

  /** Creates every solver up front, so a bad name or parameter fails before any run. */
  public List<Solver> createSolvers() {
    List<Solver> out = new ArrayList<>();
    for (SolverEntry s : plan.solvers()) {
      try {
        out.add(registry.create(s.solver(), s.parameters()));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("Solver '" + s.label() + "' (" + s.origin() + "): " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Every cell's row, in plan order: taken from {@code done} when there, else run now and also
   * handed to {@code sink} as it comes.
   */
  public List<BenchRow> run(Map<Cell, BenchRow> done, Consumer<BenchRow> sink) {
    List<Solver> created = createSolvers();
    List<Path> files = InstanceFiles.expand(plan.instances());
    Pattern filter = plan.filterPattern();
    BestKnown best = new BestKnown();
    List<BenchRow> rows = new ArrayList<>();
    for (Path file : files) {
      for (Problem p : Problems.readAll(file, null)) {
        if (filter != null && !filter.matcher(p.name()).matches()) {
          continue;
        }
        Double known = best.lookup(file, p.name());
        for (int s = 0; s < created.size(); s++) {
          for (double limit : plan.timeLimits()) {
            for (int r = 0; r < plan.repeats(); r++) {
              Cell cell = new Cell(p.name(), plan.solvers().get(s).label(), r, plan.seed() + r, limit);
              BenchRow row = done.get(cell);
              if (row == null) {
                row = runOnce(p, created.get(s), plan.solvers().get(s), cell, known);
                sink.accept(row);
              }
              rows.add(row);
            }
          }
        }
      }
    }
    return rows;
  }

  private BenchRow runOnce(Problem p, Solver s, SolverEntry entry, Cell cell, Double known) {
    SolveRequest req = SolveRequest.seeded(cell.seed()).withTimeLimitSeconds(cell.timeLimitSeconds());
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
    return new BenchRow(p.name(), p.qubo().numVariables(), entry.solver(), entry.label(), cell.repeat(),
        cell.seed(), cell.timeLimitSeconds(), p.objective(set.first().energy()), p.maximise(), known,
        set.info().timeToBestSeconds(), wall, ServiceTime.seconds(set.info()), rate, unit);
  }
}
