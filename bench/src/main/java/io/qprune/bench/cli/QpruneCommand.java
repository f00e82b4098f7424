package io.qprune.bench.cli;

import picocli.CommandLine.Command;

/** The top-level {@code qprune} command; each job is a subcommand. */
@Command(name = "qprune", mixinStandardHelpOptions = true, versionProvider = QpruneVersion.class,
    header = "Prune CNN filters by solving QUBOs with pluggable solvers.",
    subcommands = {SolveCommand.class, SolversCommand.class, GenerateCommand.class, PruneCommand.class, BenchCommand.class,
        TrainCommand.class, RefineCommand.class, EvolveCommand.class, FinetuneCommand.class, DemoCommand.class,
        EvalCommand.class, ExportCommand.class,
        MaskCheckCommand.class, picocli.CommandLine.HelpCommand.class})
public final class QpruneCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
