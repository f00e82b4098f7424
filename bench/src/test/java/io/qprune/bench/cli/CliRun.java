package io.qprune.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command in-process and captures its exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {
  /**
   * One latency-fit cache for the tests' tiny Half-UNets (width 8, depth 2: the fit depends on the
   * shape, not the weights), so a build measures it once.
   */
  static final java.nio.file.Path TINY_LATENCY_FIT = java.nio.file.Path.of("target", "latency-fit-tiny-8x2.json");

  /** Runs the whole {@code qprune} command line, as {@link Main} configures it. */
  static CliRun main(String... args) {
    return capture(Main.commandLine(), args);
  }

  /** Runs one command object on its own. */
  static CliRun of(Object command, String... args) {
    return capture(new CommandLine(command), args);
  }

  private static CliRun capture(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
