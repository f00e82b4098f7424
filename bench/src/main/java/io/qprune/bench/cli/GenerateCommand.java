package io.qprune.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code qprune generate}: the group of instance generators (planted, ...). */
@Command(name = "generate", header = "Generate benchmark instances with known optima.",
    description = "Generate benchmark instances with known optima.",
    mixinStandardHelpOptions = true, subcommands = {GeneratePlantedCommand.class})
public final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "Missing generator: choose one of " + String.join(", ", spec.subcommands().keySet())
            + ", e.g. `qprune generate planted --size 16 --alpha 0.25 --seed 1`");
  }
}
