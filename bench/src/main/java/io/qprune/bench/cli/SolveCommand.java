package io.qprune.bench.cli;

import io.qprune.api.io.AtomicFiles;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.SolverConfig;
import io.qprune.api.Solvers;
import io.qprune.api.io.Problem;
import io.qprune.api.io.ProblemFormat;
import io.qprune.api.io.Problems;
import io.qprune.api.io.SampleSetJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qprune solve}: reads a QUBO file, runs a solver, verifies and prints the result. */
@Command(name = "solve", mixinStandardHelpOptions = true,
    header = "Solve a QUBO / Max-Cut instance from a file and print the best sample.")
public final class SolveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "Instance file: dimod BQM JSON, OR-Library bqp*.txt, Gset, or qbsolv .qubo (.gz read too).")
  Path file;

  @Option(names = "--format", defaultValue = "auto", converter = FormatConverter.class,
      description = "auto|bqm-json|orlib|gset|qbsolv (default: ${DEFAULT-VALUE}).")
  ProblemFormat format;

  /** Reads {@code --format}: {@code auto} (null: detect from the file) or a {@link ProblemFormat} name. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ProblemFormat> {
    @Override
    public ProblemFormat convert(String value) {
      try {
        return "auto".equalsIgnoreCase(value.strip()) ? null : ProblemFormat.parse(value);
      } catch (io.qprune.api.InvalidInputException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Option(names = "--instance", defaultValue = "1", paramLabel = "K",
      description = "Which instance of a multi-instance file (1-based; default: ${DEFAULT-VALUE}).")
  int instance;

  static final class Choice {
    @Option(names = "--solver", paramLabel = "NAME",
        description = "Solver by name (see 'qprune solvers'); default: exact up to 20 variables, else tabu.")
    String solver;

    @Option(names = "--config", paramLabel = "FILE", description = "Solver configuration (YAML or JSON).")
    Path config;
  }

  @ArgGroup(exclusive = true)
  Choice choice = new Choice();

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "Solver parameter (repeatable), overrides the config file.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Wall-time limit.")
  Double timeLimit;

  @Option(names = "--seed", description = "Random seed (default: random, reported).")
  Long seed;

  @Option(names = "--json", description = "Print one JSON object instead of a summary.")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the sample set as dimod SampleSet JSON.")
  Path out;

  @Override
  public Integer call() throws Exception {
    ProblemFormat fmt = format;
    Problem problem = Problems.read(file, fmt, instance);
    Qubo q = problem.qubo();
    Solvers solvers = Solvers.discover();
    SolverConfig config = resolveConfig(q, solvers);
    Solver solver = solvers.create(config);
    SolveRequest request = config.request();
    SampleSet result = solver.solve(q, request);
    SolveResult r = SolveResult.verify(problem, config.solver(), result, request.seed());
    if (out != null) {
      AtomicFiles.writeString(out, SampleSetJson.write(result));
    }
    var o = spec.commandLine().getOut();
    o.println(json ? r.toJson() : r.toSummary());
    o.flush();
    return ExitCodes.OK;
  }

  private SolverConfig resolveConfig(Qubo q, Solvers solvers) {
    SolverConfig config;
    if (choice.config != null) {
      config = SolverConfig.load(choice.config);
    } else if (choice.solver != null) {
      config = SolverConfig.of(choice.solver);
    } else {
      config = SolverConfig.of(defaultSolver(q, solvers));
    }
    Map<String, Object> p = new LinkedHashMap<>(params);
    Object s = p.remove("seed");
    Object t = p.remove("time_limit");
    config = config.withParameters(p);
    try {
      if (s != null) {
        config = config.withSeed(Long.parseLong(s.toString().trim()));
      }
      if (t != null) {
        config = config.withTimeLimit(Double.parseDouble(t.toString().trim()));
      }
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--param seed/time_limit must be numbers: " + e.getMessage(), e);
    }
    if (seed != null) {
      config = config.withSeed(seed);
    }
    if (timeLimit != null) {
      config = config.withTimeLimit(timeLimit);
    }
    if (config.seed() == null) {
      config = config.withSeed(config.request().seed());
    }
    return config;
  }

  static String defaultSolver(Qubo q, Solvers solvers) {
    if (q.numVariables() <= 20) {
      return "exact";
    }
    return solvers.names().contains("tabu") ? "tabu" : "exact";
  }
}
