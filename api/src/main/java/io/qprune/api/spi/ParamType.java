package io.qprune.api.spi;

/** The value types a solver parameter can take. */
public enum ParamType {
  INTEGER,
  LONG,
  DOUBLE,
  BOOLEAN,
  /** One of a fixed set of strings. */
  CHOICE,
  STRING,
  /** A list of doubles, e.g. {@code beta_range: [0.1, 5.0]} or {@code "0.1,5.0"} on the command line. */
  DOUBLE_LIST,
  /** Rows of integers, e.g. initial states: {@code [[0,1,1],[1,0,0]]} or {@code "0,1,1;1,0,0"}. */
  INT_MATRIX
}
