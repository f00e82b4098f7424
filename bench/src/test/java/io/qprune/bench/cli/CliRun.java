package io.qprune.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command in-process and captures its exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {
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
