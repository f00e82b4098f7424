package io.qprune.bench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qprune.api.Sample;
import io.qprune.api.SampleSet;
import io.qprune.api.SolverFailedException;
import io.qprune.api.io.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/** The verified outcome of {@code qprune solve}: best sample, energy re-computed from the model. */
record SolveResult(Problem problem, String solver, Sample best, double objective, double timeS,
    double timeToBestS, long seed, Map<String, Object> properties) {

  /** Checks the reported energy against the model and builds the result; a mismatch is a solver failure. */
  static SolveResult verify(Problem p, String solver, SampleSet set, long seed) {
    Sample best = set.first();
    double recomputed = p.qubo().energy(best.values());
    double tol = 1e-9 * Math.max(1.0, Math.abs(recomputed));
    if (Math.abs(recomputed - best.energy()) > tol) {
      throw new SolverFailedException("Solver '" + solver + "' reported energy " + best.energy()
          + " but its sample has energy " + recomputed);
    }
    return new SolveResult(p, solver, best, p.objective(recomputed), set.info().totalSeconds(),
        set.info().timeToBestSeconds(), seed, set.info().properties());
  }

  String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instance", problem.name());
    m.put("solver", solver);
    m.put("num_variables", problem.qubo().numVariables());
    m.put("energy", best.energy());
    m.put("objective", objective);
    m.put("objective_name", problem.objectiveName());
    m.put("sample", best.values());
    m.put("time_s", timeS);
    m.put("time_to_best_s", Double.isNaN(timeToBestS) ? null : timeToBestS);
    m.put("seed", seed);
    m.put("info", properties);
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  String toSummary() {
    StringBuilder s = new StringBuilder();
    int n = problem.qubo().numVariables();
    s.append(String.format("instance   %s (%s, %d variables, %d interactions)%n", problem.name(),
        problem.format().name().toLowerCase().replace('_', '-'), n, problem.qubo().numInteractions()));
    s.append(String.format("solver     %s (seed %d)%n", solver, seed));
    s.append(String.format("energy     %s%n", num(best.energy())));
    if (problem.maximise()) {
      s.append(String.format("objective  %s  [%s]%n", num(objective), problem.objectiveName()));
    }
    s.append(String.format("time       %.3f s", timeS));
    if (!Double.isNaN(timeToBestS)) {
      s.append(String.format(" (best first found at %.3f s)", timeToBestS));
    }
    s.append(System.lineSeparator());
    StringBuilder bits = new StringBuilder();
    for (int i = 0; i < Math.min(n, 120); i++) {
      bits.append(best.get(i) > 0 ? '1' : '0');
    }
    if (n > 120) {
      bits.append("… (").append(n - 120).append(" more; use --json or --out)");
    }
    s.append("sample     ").append(bits);
    return s.toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
