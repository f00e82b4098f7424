package io.qprune.api;

/** Optional features a solver declares, so callers can pick or refuse a solver up front. */
public enum Capability {
  /** Honours {@link SolveRequest#timeLimit()}. */
  TIME_LIMIT,
  /** Keeps exactly k variables at 1 when the request carries a {@link Cardinality}. */
  CARDINALITY,
  /** Also keeps per-group counts of a grouped {@link Cardinality}. */
  GROUP_CARDINALITY,
  /** Accepts starting states. */
  INITIAL_STATES,
  /** Runs on a remote service (needs network and credentials). */
  REMOTE
}
