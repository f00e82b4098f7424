package io.qprune.solvers.local.descent;

import io.qprune.api.Budget;
import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Found;
import io.qprune.solvers.local.internal.InitialStates;
import io.qprune.solvers.local.internal.ReadPool;
import io.qprune.solvers.local.internal.Results;
import io.qprune.solvers.local.internal.Rng;
import io.qprune.solvers.local.internal.Seeds;
import io.qprune.solvers.local.internal.SwapMoves;
import io.qprune.solvers.local.internal.SwapSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one descent per read, from the given initial states and then from random ones (read r
 * seeded from the request seed and r). Reads not started when the time is up are skipped.
 */
final class DescentSolver implements Solver {
  private final Integer numReads;
  private final int[][] initialStates;
  private final int numThreads;

  DescentSolver(Integer numReads, int[][] initialStates, int numThreads) {
    this.numReads = numReads;
    this.initialStates = initialStates;
    this.numThreads = numThreads;
  }

  @Override
  public String name() {
    return "descent";
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    Budget budget = request.startBudget();
    BinaryForm m = BinaryForm.of(q);
    Cardinality card = request.cardinality();
    InitialStates init = InitialStates.parse("descent", initialStates, m, card);
    int reads = numReads != null ? numReads : Math.max(1, init.size());
    int threads = ReadPool.threads(numThreads, reads);
    AtomicLong flips = new AtomicLong();
    Deadline stop = Deadline.of(budget);
    List<Found> found = ReadPool.map(reads, threads, "descent", r -> {
      if (r > 0 && stop.passed()) {
        return null;
      }
      Rng rng = new Rng(Seeds.forRead(request.seed(), r));
      byte[] x = init.forRead(r);
      if (x == null) {
        x = card == null ? Seeds.randomState(m.n, rng) : SwapSpace.randomState(card, m.n, rng);
      }
      if (card == null) {
        flips.addAndGet(SteepestDescent.descend(m, x, stop));
      } else {
        double[] field = new double[m.n];
        m.fields(x, field);
        SwapMoves.descend(m, x, field, SwapSpace.of(card, x), Integer.MAX_VALUE);
      }
      return new Found(x, 0, budget.elapsedSeconds(), r);
    });
    found.removeIf(f -> f == null);
    double total = budget.elapsedSeconds();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("reads", found.size());
    props.put("flips", flips.get());
    props.put("flips_per_second", total > 0 ? flips.get() / total : 0.0);
    props.put("threads", threads);
    props.put("seed", request.seed());
    return Results.build(m, found, "descent", total, props);
  }
}
