package io.qprune.bench.cli;

import io.qprune.api.InvalidInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Maps what a command throws to the CLI contract: 2 and one line for bad input, 1 for failure. */
final class CliErrors {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int BAD_INPUT = 2;

  private CliErrors() {}

  static int run(Callable<Integer> body, PrintWriter err) {
    try {
      return body.call();
    } catch (InvalidInputException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return BAD_INPUT;
    } catch (Exception e) {
      err.println("failed: " + e);
      e.printStackTrace(err);
      err.flush();
      return FAILURE;
    }
  }
}
