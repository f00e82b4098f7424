package io.qprune.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code qprune bench}: the group of benchmark commands (solvers, ...). */
@Command(name = "bench", header = "Run benchmarks and write their tables.",
    mixinStandardHelpOptions = true, subcommands = {BenchSolversCommand.class, BenchPruningCommand.class,
        BenchLatencyCommand.class, BenchEmbeddingCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "Missing benchmark: choose one of " + String.join(", ", spec.subcommands().keySet())
            + ", e.g. `qprune bench solvers --instances ../shared/data/qubo/orlib_bqp`");
  }
}
