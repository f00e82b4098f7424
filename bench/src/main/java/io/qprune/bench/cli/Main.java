package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code qprune} command: maps failures to exit codes (2 bad input, 1 failure). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  /** The configured picocli command line. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new QpruneCommand());
    shareVersion(cl, new QpruneVersion());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("qprune: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr()));
    return cl;
  }

  /** Every subcommand's {@code -V} prints the build's version, as {@code qprune -V} does. */
  private static void shareVersion(CommandLine cl, QpruneVersion version) {
    cl.getCommandSpec().versionProvider(version);
    cl.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
  }

  static int report(Exception ex, PrintWriter err) {
    boolean debug = System.getenv("QPRUNE_DEBUG") != null;
    if (ex instanceof InvalidInputException) {
      err.println("qprune: " + ex.getMessage());
      if (debug) {
        ex.printStackTrace(err);
      }
      return ExitCodes.BAD_INPUT;
    }
    if (ex instanceof QpruneException) {
      err.println("qprune: " + ex.getMessage());
    } else {
      err.println("qprune: internal error: " + ex + (debug ? "" : " (set QPRUNE_DEBUG=1 for the stack trace)"));
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    return ExitCodes.FAILURE;
  }
}
