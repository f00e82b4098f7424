package io.qprune.solvers.local.protes;

import io.qprune.api.Budget;
import io.qprune.api.Cancellation;
import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.blackbox.BlackBoxProblem;
import io.qprune.api.blackbox.BlackBoxResult;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.Objective;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Found;
import io.qprune.solvers.local.internal.Results;
import io.qprune.solvers.local.internal.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimises a model's energy with {@link Protes}, restarting from fresh cores (restart r seeded
 * from the request seed and r) whenever a run's distribution collapses, until the evaluation budget,
 * the time limit or a cancellation ends it, or restarts have together seen every feasible state
 * of a small model. Returns the best state of each restart, distinct.
 */
final class ProtesSolver implements Solver {
  private final ProtesConfig cfg;
  private final Long numEvaluations;

  ProtesSolver(ProtesConfig cfg, Long numEvaluations) {
    this.cfg = cfg;
    this.numEvaluations = numEvaluations;
  }

  @Override
  public String name() {
    return "protes";
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    Budget budget = request.startBudget();
    BinaryForm m = BinaryForm.of(q);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("seed", request.seed());
    if (m.n == 0) {
      return Results.build(m, List.of(new Found(new byte[0], q.offset(), 0, 0)), "protes",
          budget.elapsedSeconds(), props);
    }
    Cardinality card = request.cardinality();
    BlackBoxProblem problem = BlackBoxProblem.binary(m.n);
    if (card != null) {
      problem = problem.withOnes(card.total());
    }
    QuboObjective energy = new QuboObjective(m, q.toBinary().offset());
    long space = SpaceSize.of(m.n, card == null ? -1 : card.total());
    Set<String> covered = new HashSet<>();
    Objective objective = points -> {
      if (space <= SpaceSize.TRACKED) { // small space: note what restarts have covered, to stop once all is seen
        points.forEach(x -> covered.add(PointCache.key(x)));
      }
      return energy.evaluate(points);
    };
    Cancellation stop = Cancellation.create();
    Protes protes = new Protes(cfg);
    long total = numEvaluations != null ? numEvaluations : ProtesSolverProvider.DEFAULT_EVALUATIONS;
    long spent = 0;
    int iterations = 0;
    List<Found> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> reasons = new ArrayList<>();
    for (int r = 0; spent < total && covered.size() < space && (r == 0 || !budget.exhausted()); r++) {
      BlackBoxRun run = BlackBoxRun.of(total - spent, Seeds.forRead(request.seed(), r))
          .withCancellation(stop)
          .withListener((i, e, b) -> {
            if (budget.exhausted()) {
              stop.cancel();
            }
          });
      BlackBoxResult res = protes.minimise(problem, objective, run);
      spent += res.evaluations();
      iterations += res.iterations();
      reasons.add(res.stopReason());
      if (seen.add(PointCache.key(res.best()))) {
        found.add(new Found(bits(res.best()), res.bestValue(), budget.elapsedSeconds(), r));
      }
    }
    double seconds = budget.elapsedSeconds();
    props.put("evaluations", spent);
    props.put("evaluations_per_second", seconds > 0 ? spent / seconds : 0.0);
    props.put("iterations", iterations);
    props.put("restarts", reasons.size());
    props.put("last_stop_reason", reasons.isEmpty() ? "" : reasons.get(reasons.size() - 1));
    return Results.build(m, found, "protes", seconds, props);
  }

  private static byte[] bits(int[] x) {
    byte[] b = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      b[i] = (byte) x[i];
    }
    return b;
  }

  @Override
  public String toString() {
    return "protes" + cfg + "[num_evaluations=" + numEvaluations + "]";
  }
}
