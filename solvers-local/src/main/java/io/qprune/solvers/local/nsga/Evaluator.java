package io.qprune.solvers.local.nsga;

import io.qprune.api.InvalidInputException;
import io.qprune.api.blackbox.MultiObjective;
import io.qprune.api.blackbox.MultiObjectiveProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores candidates: cached genomes for free, the new distinct ones in one batch, within the budget. */
final class Evaluator<G> {
  private final MultiObjectiveProblem<G> problem;
  private final MultiObjective<G> objectives;
  private final Representation<G> rep;

  Evaluator(MultiObjectiveProblem<G> problem, MultiObjective<G> objectives, Representation<G> rep) {
    this.problem = problem;
    this.objectives = objectives;
    this.rep = rep;
  }

  /**
   * Appends each candidate that has (or, within {@code room} new evaluations, gets) an objective
   * vector to {@code genomes} and {@code values}; returns how many genomes were newly evaluated.
   */
  int evaluate(List<G> candidates, GenomeCache cache, long room, List<G> genomes, List<double[]> values) {
    List<String> keys = new ArrayList<>(candidates.size());
    Map<String, G> fresh = new LinkedHashMap<>();
    for (G g : candidates) {
      String k = rep.key(g);
      keys.add(k);
      if (!cache.contains(k) && !fresh.containsKey(k) && fresh.size() < room) {
        fresh.put(k, g);
      }
    }
    if (!fresh.isEmpty()) {
      List<G> batch = new ArrayList<>(fresh.values());
      double[][] f = objectives.evaluate(Collections.unmodifiableList(copies(batch)));
      check(f, batch.size());
      int i = 0;
      for (String k : fresh.keySet()) {
        cache.put(k, f[i++]);
      }
    }
    for (int i = 0; i < candidates.size(); i++) {
      double[] f = cache.get(keys.get(i));
      if (f != null) {
        genomes.add(candidates.get(i));
        values.add(f.clone());
      }
    }
    return fresh.size();
  }

  private List<G> copies(List<G> batch) {
    List<G> out = new ArrayList<>(batch.size());
    for (G g : batch) {
      out.add(rep.fromKey(rep.key(g)));
    }
    return out;
  }

  private void check(double[][] f, int n) {
    if (f == null || f.length != n) {
      throw new InvalidInputException("The objectives returned " + (f == null ? "null" : f.length + " rows")
          + " for a batch of " + n + " genomes; return one objective vector per genome, in order");
    }
    for (int i = 0; i < n; i++) {
      if (f[i] == null || f[i].length != problem.objectives()) {
        throw new InvalidInputException("Row " + i + " of the objectives has "
            + (f[i] == null ? "no" : f[i].length) + " values; the problem has " + problem.objectives()
            + " objectives");
      }
      for (double v : f[i]) {
        if (!Double.isFinite(v)) {
          throw new InvalidInputException("The objectives returned " + Arrays.toString(f[i]) + " for genome " + i
              + " of a batch of " + n + "; values must be finite. Maybe return a large penalty instead");
        }
      }
    }
  }
}
