package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import io.qprune.bench.solvers.BenchPlan;
import io.qprune.bench.solvers.PlanFile;
import io.qprune.bench.solvers.SolverEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags of {@code qprune bench solvers} that make a {@link BenchPlan}: read from {@code --plan}
 * when given, each flag on the command line overriding the plan's value.
 */
final class BenchPlanOptions {
  @Option(names = "--plan", paramLabel = "FILE.yaml",
      description = "a benchmark plan (see bench/plans/example.yaml); flags below override its values")
  Path planFile;

  @Option(names = "--instances", arity = "1..*", paramLabel = "PATH",
      description = "instance files or folders (OR-Library, Gset, qbsolv, BQM JSON; .gz allowed)")
  List<Path> instances;

  @Option(names = "--solvers", split = ",", paramLabel = "NAME",
      description = "comma-separated solver names (default: the plan's, else sa,tabu)")
  List<String> solvers;

  @Option(names = "--time-limit", split = ",", paramLabel = "S",
      description = "seconds per run; several (0.5,2,8) give gap-vs-time curves (default: the plan's, else 10)")
  List<Double> timeLimits;

  @Option(names = "--repeats", paramLabel = "R",
      description = "runs per instance, solver and time limit, seeds seed..seed+R-1 (default: the plan's, else 1)")
  Integer repeats;

  @Option(names = "--seed", description = "seed of the first repeat (default: the plan's, else 1)")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "folder for results and report (default: the plan's, else runs/bench/solvers)")
  Path out;

  @Option(names = "--param", paramLabel = "LABEL.NAME=VALUE",
      description = "a solver parameter, e.g. sa.num_threads=1 (repeatable; LABEL is the solver's label)")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--filter", paramLabel = "REGEX",
      description = "run only instances whose name matches, e.g. 'bqp1000-.*|G22'")
  String filter;

  @Option(names = "--cluster", paramLabel = "URL",
      description = "where the cells run: local (this process, one after the other; default: the plan's),"
          + " local[N] / local[*] (Spark in this JVM) or spark://host:port (a Spark standalone master)")
  String cluster;

  /** The plan file (if any) with the flags given on the command line applied over it. */
  BenchPlan plan() {
    BenchPlan base = planFile == null ? null : PlanFile.read(planFile);
    if (base == null && instances == null) {
      throw new InvalidInputException("Give --instances PATH... or --plan FILE.yaml (see bench/plans/example.yaml)");
    }
    if (repeats != null && repeats < 1) {
      throw new InvalidInputException("--repeats is " + repeats + "; it must be at least 1");
    }
    for (double t : timeLimits == null ? List.<Double>of() : timeLimits) {
      if (!(t > 0) || Double.isInfinite(t)) {
        throw new InvalidInputException("--time-limit is " + t + "; give a positive number of seconds, e.g. 10");
      }
    }
    List<SolverEntry> entries = new ArrayList<>();
    if (solvers != null || base == null) {
      for (String s : solvers == null ? List.of("sa", "tabu") : solvers) {
        entries.add(SolverEntry.of(s.strip(), "--solvers"));
      }
    } else {
      entries.addAll(base.solvers());
    }
    applyParams(entries);
    return new BenchPlan(entries, instances != null ? instances : base.instances(),
        filter != null ? filter : base == null ? null : base.filter(),
        repeats != null ? repeats : base == null ? PlanFile.DEFAULT_REPEATS : base.repeats(),
        seed != null ? seed : base == null ? PlanFile.DEFAULT_SEED : base.seed(),
        timeLimits != null ? timeLimits : base == null ? List.of(PlanFile.DEFAULT_TIME_LIMIT) : base.timeLimits(),
        out != null ? out : base == null ? PlanFile.DEFAULT_OUT : base.out(),
        cluster != null ? cluster : base == null ? null : base.cluster());
  }

  /** Adds each --param LABEL.NAME=VALUE to the solver of that label. */
  private void applyParams(List<SolverEntry> entries) {
    List<String> labels = entries.stream().map(SolverEntry::label).toList();
    for (Map.Entry<String, String> e : params.entrySet()) {
      int dot = e.getKey().indexOf('.');
      String label = dot > 0 ? e.getKey().substring(0, dot) : "";
      int i = labels.indexOf(label);
      if (dot <= 0 || dot == e.getKey().length() - 1 || i < 0) {
        throw new InvalidInputException("--param " + e.getKey() + "=" + e.getValue() + " must be"
            + " LABEL.NAME=VALUE with LABEL one of " + labels + ", e.g. sa.num_sweeps=1000");
      }
      entries.set(i, entries.get(i).withParameter(e.getKey().substring(dot + 1), e.getValue()));
    }
  }
}
