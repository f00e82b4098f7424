package io.qprune.bench.cli;

/** The exit codes of every qprune command. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** The solver or the job failed on valid input. */
  public static final int FAILURE = 1;
  /** Bad input or usage; one line on stderr says what. */
  public static final int BAD_INPUT = 2;
}
