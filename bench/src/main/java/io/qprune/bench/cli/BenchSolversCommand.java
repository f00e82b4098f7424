package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.Solvers;
import io.qprune.bench.solvers.BenchRow;
import io.qprune.bench.solvers.InstanceFiles;
import io.qprune.bench.solvers.ResultFiles;
import io.qprune.bench.solvers.SolverBench;
import io.qprune.bench.solvers.SummaryTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprune bench solvers}: runs solvers on benchmark instances with a time limit and writes
 * results.csv, results.json and a summary table. Exit 0 ok, 2 bad input, 1 a solver failed.
 */
@Command(name = "solvers", mixinStandardHelpOptions = true,
    description = "Run solvers on QUBO / Max-Cut instances and compare with best-known values.")
public final class BenchSolversCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--instances", required = true, arity = "1..*", paramLabel = "PATH",
      description = "instance files or folders (OR-Library, Gset, qbsolv, BQM JSON; .gz allowed)")
  List<Path> instances;

  @Option(names = "--solvers", split = ",", defaultValue = "sa,tabu", paramLabel = "NAME",
      description = "comma-separated solver names (default: ${DEFAULT-VALUE})")
  List<String> solvers;

  @Option(names = "--time-limit", defaultValue = "10", paramLabel = "S",
      description = "seconds per run (default: ${DEFAULT-VALUE})")
  double timeLimit;

  @Option(names = "--repeats", defaultValue = "1", paramLabel = "R",
      description = "runs per instance and solver, seeds seed..seed+R-1 (default: ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the first repeat (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", defaultValue = "runs/bench/solvers", paramLabel = "DIR",
      description = "folder for results.csv and results.json (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--param", paramLabel = "SOLVER.NAME=VALUE",
      description = "a solver parameter, e.g. sa.num_threads=1 (repeatable)")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--filter", paramLabel = "REGEX",
      description = "run only instances whose name matches, e.g. 'bqp1000-.*|G22'")
  String filter;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      SolverBench bench = new SolverBench(Solvers.discover(), solvers, solverParameters(), checkedTimeLimit(),
          checkedRepeats(), seed, pattern());
      bench.createSolvers();
      List<Path> files = InstanceFiles.expand(instances);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("started", Instant.now().toString());
      run.put("time_limit_s", timeLimit);
      run.put("repeats", repeats);
      run.put("solvers", solvers);
      run.put("parameters", params);
      run.put("processors", Runtime.getRuntime().availableProcessors());
      List<BenchRow> done = new ArrayList<>();
      bench.run(files, row -> {
        done.add(row);
        o.println(progress(row));
        o.flush();
        ResultFiles.write(out, done, run); // rewritten after every run, so an interrupted bench keeps its rows
      });
      ResultFiles.write(out, done, run);
      o.println();
      o.print(SummaryTable.render(done));
      o.println("\nWrote " + out.resolve("results.csv") + " and " + out.resolve("results.json"));
      o.flush();
      return 0;
    } catch (InvalidInputException e) {
      err.println("qprune bench solvers: " + e.getMessage());
      err.flush();
      return 2;
    } catch (QpruneException e) {
      err.println("qprune bench solvers: solver failed: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private double checkedTimeLimit() {
    if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
      throw new InvalidInputException("--time-limit is " + timeLimit + "; give a positive number of seconds, e.g. 10");
    }
    return timeLimit;
  }

  private int checkedRepeats() {
    if (repeats < 1) {
      throw new InvalidInputException("--repeats is " + repeats + "; it must be at least 1");
    }
    return repeats;
  }

  private Pattern pattern() {
    if (filter == null) {
      return null;
    }
    try {
      return Pattern.compile(filter);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException("--filter '" + filter + "' is not a valid regular expression: "
          + e.getDescription(), e);
    }
  }

  /** Groups --param sa.num_sweeps=1000 by solver, checking each names a chosen solver. */
  private Map<String, Map<String, Object>> solverParameters() {
    Map<String, Map<String, Object>> bySolver = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : params.entrySet()) {
      int dot = e.getKey().indexOf('.');
      String solver = dot > 0 ? e.getKey().substring(0, dot) : "";
      if (dot <= 0 || dot == e.getKey().length() - 1 || !solvers.contains(solver)) {
        throw new InvalidInputException("--param " + e.getKey() + "=" + e.getValue() + " must be"
            + " SOLVER.NAME=VALUE with SOLVER one of " + solvers + ", e.g. sa.num_sweeps=1000");
      }
      bySolver.computeIfAbsent(solver, k -> new LinkedHashMap<>()).put(e.getKey().substring(dot + 1), e.getValue());
    }
    return bySolver;
  }

  private static String progress(BenchRow r) {
    String known = r.bestKnown() == null ? "" : String.format(Locale.ROOT, "  best known %.0f, gap %s",
        r.bestKnown(), r.gap() == 0 ? "0" : String.format(Locale.ROOT, "%.4g", r.gap()));
    return String.format(Locale.ROOT, "%-12s %-8s #%d  objective %.6g%s  time to best %.3f s", r.instance(),
        r.solver(), r.repeat(), r.objective(), known, r.timeToBestSeconds());
  }
}
