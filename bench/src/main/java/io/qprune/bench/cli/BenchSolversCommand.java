package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.Solvers;
import io.qprune.api.cluster.Cluster;
import io.qprune.api.cluster.Clusters;
import io.qprune.bench.report.PairedComparison;
import io.qprune.bench.report.ReportWriter;
import io.qprune.bench.report.RunEnvironment;
import io.qprune.bench.report.WilcoxonTable;
import io.qprune.bench.solvers.BenchPlan;
import io.qprune.bench.solvers.BenchRow;
import io.qprune.bench.solvers.Cell;
import io.qprune.bench.solvers.PreviousResults;
import io.qprune.bench.solvers.ResultFiles;
import io.qprune.bench.solvers.SolverBench;
import io.qprune.bench.solvers.SummaryTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprune bench solvers}: runs a benchmark campaign (a plan file and/or flags) and writes
 * results.csv, results.json, report.html and its plots. Exit 0 ok, 2 bad input, 1 a solver failed.
 */
@Command(name = "solvers", mixinStandardHelpOptions = true,
    header = "Compare solvers on QUBO / Max-Cut instances and write a report.",
    description = "Run solvers on QUBO / Max-Cut instances, compare them with best-known values and with each"
        + " other, and write a report.")
public final class BenchSolversCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  BenchPlanOptions options = new BenchPlanOptions();

  @Option(names = "--resume", description = "skip the cells already in the output folder's results.json"
      + " (it must have been written by the same plan)")
  boolean resume;

  /** Where solvers come from; tests put a registry of their own here. */
  Supplier<Solvers> registry = Solvers::discover;

  @Override
  public Integer call() {
    return CliErrors.run(this::bench, spec.commandLine().getErr());
  }

  private int bench() {
    PrintWriter o = spec.commandLine().getOut();
    {
      BenchPlan plan = options.plan();
      SolverBench bench = new SolverBench(registry.get(), plan);
      bench.createSolvers();
      Map<Cell, BenchRow> done = resume ? PreviousResults.load(plan.out(), plan) : Map.of();
      if (resume) {
        o.println("Resuming: " + done.size() + " runs already in " + plan.out().resolve("results.json"));
      }
      RunEnvironment env = RunEnvironment.current(commandLine(), planText());
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("started", Instant.now().toString());
      run.put("resumed_runs", done.size());
      run.put("environment", env.describe());
      run.put("plan", plan.describe());
      run.put("cluster", plan.cluster());
      List<BenchRow> written = new ArrayList<>(done.values());
      List<BenchRow> rows;
      try (Cluster cluster = Clusters.open(plan.cluster())) {
        if (!Clusters.isInProcess(plan.cluster())) {
          o.println("Running on cluster " + cluster.url() + " (" + cluster.parallelism() + " cells at a time)");
          o.flush();
        }
        rows = bench.run(cluster, done, row -> {
          written.add(row);
          o.println(progress(row));
          o.flush();
          ResultFiles.write(plan.out(), written, run); // rewritten after every run: --resume continues from here
        });
      }
      ResultFiles.write(plan.out(), rows, run);
      List<PairedComparison> comparisons = PairedComparison.all(rows);
      Path report = ReportWriter.write(plan.out(), plan, rows, comparisons, env);
      o.println();
      o.print(SummaryTable.render(rows));
      o.println();
      o.print(WilcoxonTable.render(comparisons));
      o.println("\nWrote " + plan.out().resolve("results.csv") + ", results.json and " + report);
      o.flush();
      return ExitCodes.OK;
    }
  }

  private String commandLine() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    String first = args.isEmpty() ? "" : args.get(0);
    StringBuilder sb = new StringBuilder(first.equals("bench") ? "qprune" : first.equals("solvers") ? "qprune bench"
        : "qprune bench solvers");
    for (String a : args) {
      sb.append(' ').append(a.matches("[A-Za-z0-9_./,=:+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }

  private String planText() {
    try {
      return options.planFile == null ? null : Files.readString(options.planFile);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read plan file " + options.planFile + ": " + e.getMessage(), e);
    }
  }

  private static String progress(BenchRow r) {
    String known = r.bestKnown() == null ? "" : String.format(Locale.ROOT, "  best known %.0f, gap %s",
        r.bestKnown(), r.gap() == 0 ? "0" : String.format(Locale.ROOT, "%.4g", r.gap()));
    return String.format(Locale.ROOT, "%-12s %-8s %6s s #%d  objective %.6g%s  time to best %.3f s", r.instance(),
        r.label(), SummaryTable.fmt(r.timeLimitSeconds(), 3), r.repeat(), r.objective(), known, r.timeToBestSeconds());
  }
}
