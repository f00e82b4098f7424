package io.qprune.solvers.remote;

import java.util.List;

/**
 * One solver a remote service offers: its service-side name, the qprune adapter that drives it,
 * status, category, problem types, average load (null if not reported) and description.
 */
public record RemoteSolverInfo(String name, String adapter, String status, String category,
    List<String> problemTypes, Double avgLoad, String description) {

  public RemoteSolverInfo {
    problemTypes = List.copyOf(problemTypes);
  }
}
