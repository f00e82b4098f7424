package io.qprune.bench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs a command body under the CLI contract of {@link Main#report}, for commands also run on their own. */
final class CliErrors {
  private CliErrors() {}

  static int run(Callable<Integer> body, PrintWriter err) {
    try {
      return body.call();
    } catch (Exception e) {
      int code = Main.report(e, err);
      err.flush();
      return code;
    }
  }
}
