package io.qprune.solvers.local.tabu;

import io.qprune.api.Budget;
import io.qprune.api.Cardinality;
import io.qprune.api.InvalidInputException;
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
import io.qprune.solvers.local.internal.SwapSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code num_reads} independent MST2 tabu searches in parallel, read r seeded from the
 * request seed and r alone. Without a time limit each read stops after its restarts (so results
 * repeat for a seed); with one, the reads share the time (in waves when there are more reads than
 * threads) and restart until it is spent.
 */
final class TabuSolver implements Solver {
  static final int DEFAULT_RESTARTS = 10;
  private final TabuConfig cfg;

  TabuSolver(TabuConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public String name() {
    return "tabu";
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    Budget budget = request.startBudget();
    BinaryForm m = BinaryForm.of(q);
    Cardinality card = request.cardinality();
    InitialStates init = InitialStates.parse("tabu", cfg.initialStates(), m, card);
    int reads = cfg.numReads() != null ? cfg.numReads() : Math.max(1, init.size());
    int tenure = TabuRun.tenure(cfg.tenure(), m.n);
    if (m.n > 0 && tenure >= m.n) {
      throw new InvalidInputException("Parameter 'tenure' of solver 'tabu' is " + tenure
          + " but the model has only " + m.n + " variables; every variable would be tabu."
          + " Maybe leave tenure unset (min(20, n/4))");
    }
    long restarts = cfg.numRestarts() != null ? cfg.numRestarts()
        : budget.hasTimeLimit() ? Long.MAX_VALUE : DEFAULT_RESTARTS;
    double target = cfg.targetEnergy() != null ? cfg.targetEnergy() : Double.NEGATIVE_INFINITY;
    int threads = ReadPool.threads(cfg.numThreads(), reads);
    int waves = (reads + threads - 1) / threads;
    long startNanos = budget.elapsedNanos();
    long slice = budget.hasTimeLimit() ? budget.remainingNanos() / waves : 0;
    AtomicBoolean hit = new AtomicBoolean();
    AtomicLong moves = new AtomicLong();
    AtomicLong restartCount = new AtomicLong();
    List<Found> found = ReadPool.map(reads, threads, "tabu", r -> {
      Deadline stop = budget.hasTimeLimit() && waves > 1
          ? Deadline.until(budget, startNanos + slice * (r / threads + 1))
          : Deadline.of(budget);
      Rng rng = new Rng(Seeds.forRead(request.seed(), r));
      byte[] x = init.forRead(r);
      if (x == null) {
        x = card == null ? Seeds.randomState(m.n, rng) : SwapSpace.randomState(card, m.n, rng);
      }
      TabuRun run = card == null ? new FlipTabu(m, x, rng, stop, target, hit, tenure)
          : new SwapTabu(m, card, x, rng, stop, target, hit, tenure);
      run.run(cfg.firstZ(m.n), cfg.restartZ(m.n), restarts, cfg.restartFromBest());
      moves.addAndGet(run.moves);
      restartCount.addAndGet(run.restarts);
      return new Found(run.bestX, run.bestEnergy, run.bestSeconds, r);
    });
    double total = budget.elapsedSeconds();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("reads", reads);
    props.put("moves", moves.get());
    props.put("restarts", restartCount.get());
    props.put("moves_per_second", total > 0 ? moves.get() / total : 0.0);
    props.put("tenure", tenure);
    props.put("threads", threads);
    props.put("target_reached", hit.get());
    props.put("seed", request.seed());
    return Results.build(m, found, "tabu", total, props);
  }

  @Override
  public String toString() {
    return "tabu" + cfg;
  }
}
