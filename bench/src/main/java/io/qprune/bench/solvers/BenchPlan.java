package io.qprune.bench.solvers;

import io.qprune.api.InvalidInputException;
import io.qprune.api.cluster.Clusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A benchmark campaign: which solvers (by label) run on which instances, how often (seeds
 * {@code seed .. seed+repeats-1}), under which time limits, and where the results go. Written as
 * a plan file ({@link PlanFile}) or as {@code qprune bench solvers} flags. {@code cluster} says where
 * the cells run ({@code local}: one after the other in this process); it does not change the
 * results, so it is not part of {@link #describe()}.
 */
public record BenchPlan(List<SolverEntry> solvers, List<Path> instances, String filter, int repeats, long seed,
    List<Double> timeLimits, Path out, String cluster) {

  /** A plan whose cells run in this process. */
  public BenchPlan(List<SolverEntry> solvers, List<Path> instances, String filter, int repeats, long seed,
      List<Double> timeLimits, Path out) {
    this(solvers, instances, filter, repeats, seed, timeLimits, out, Clusters.IN_PROCESS);
  }

  public BenchPlan {
    cluster = cluster == null || cluster.isBlank() ? Clusters.IN_PROCESS : cluster.strip();
    solvers = List.copyOf(solvers);
    instances = List.copyOf(instances);
    timeLimits = List.copyOf(timeLimits);
    if (solvers.isEmpty()) {
      throw new InvalidInputException("The plan has no solvers; name at least one, e.g. sa");
    }
    Map<String, String> labels = new HashMap<>();
    for (SolverEntry s : solvers) {
      String first = labels.putIfAbsent(s.label(), s.origin());
      if (first != null) {
        throw new InvalidInputException("Solver label '" + s.label() + "' appears twice (" + first + " and "
            + s.origin() + "); give each entry a distinct label, e.g. label: " + s.label() + "-2");
      }
    }
    if (instances.isEmpty()) {
      throw new InvalidInputException("The plan has no instances; give instance files or folders");
    }
    if (repeats < 1) {
      throw new InvalidInputException("repeats is " + repeats + "; it must be at least 1");
    }
    if (timeLimits.isEmpty()) {
      throw new InvalidInputException("The plan has no time limit; give one in seconds, e.g. 10");
    }
    for (double t : timeLimits) {
      if (!(t > 0) || Double.isInfinite(t)) {
        throw new InvalidInputException("Time limit " + t + " is not a positive number of seconds, e.g. 10");
      }
    }
    if (new HashSet<>(timeLimits).size() != timeLimits.size()) {
      throw new InvalidInputException("Time limits " + timeLimits + " repeat a value; list each once");
    }
    filterPattern(filter);
    Clusters.validate(cluster);
  }

  /** The instance-name filter, or null to keep every instance. */
  public Pattern filterPattern() {
    return filterPattern(filter);
  }

  private static Pattern filterPattern(String filter) {
    try {
      return filter == null ? null : Pattern.compile(filter);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException("filter '" + filter + "' is not a valid regular expression: "
          + e.getDescription(), e);
    }
  }

  /**
   * The plan as plain values, for results.json and for checking that a resumed campaign is the same
   * one: everything that decides which cells exist and how they run (not the output folder).
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> s = new ArrayList<>();
    for (SolverEntry e : solvers) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("label", e.label());
      one.put("solver", e.solver());
      one.put("parameters", e.parameters());
      s.add(one);
    }
    m.put("solvers", s);
    m.put("instances", instances.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
    m.put("filter", filter);
    m.put("repeats", repeats);
    m.put("seed", seed);
    m.put("time_limits", timeLimits);
    return m;
  }

  /** The seeds of the repeats, in order. */
  public List<Long> seeds() {
    List<Long> out = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      out.add(seed + r);
    }
    return out;
  }
}
