package io.qprune.solvers.local.sa;

import io.qprune.api.Budget;
import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.solvers.local.internal.BestKept;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Found;
import io.qprune.solvers.local.internal.InitialStates;
import io.qprune.solvers.local.internal.ReadPool;
import io.qprune.solvers.local.internal.Results;
import io.qprune.solvers.local.internal.Rng;
import io.qprune.solvers.local.internal.Seeds;
import io.qprune.solvers.local.internal.SwapSpace;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated annealing. Without a time limit it runs {@code num_reads} anneals in parallel, read r
 * seeded from the request seed and r alone, so results repeat for a seed. With a time limit every
 * thread anneals back to back until the time is spent, and the best {@code num_reads} states are
 * kept.
 */
final class SaSolver implements Solver {
  static final int DEFAULT_SWEEPS = 1000;
  private final SaConfig cfg;

  SaSolver(SaConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public String name() {
    return "sa";
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    Budget budget = request.startBudget();
    BinaryForm m = BinaryForm.of(q);
    Cardinality card = request.cardinality();
    InitialStates init = InitialStates.parse("sa", cfg.initialStates(), m, card);
    int reads = cfg.numReads() != null ? cfg.numReads() : Math.max(1, init.size());
    double[] range = cfg.betaRange() != null ? cfg.betaRange() : BetaSchedule.defaultRange(q);
    Annealer annealer = annealer(m, card);
    Run run = new Run(m, card, init, annealer, range, request.seed(), budget);
    List<Found> found;
    int threads;
    if (budget.hasTimeLimit() && m.n > 0) {
      threads = ReadPool.threads(cfg.numThreads(), Integer.MAX_VALUE);
      found = run.untilTimeIsUp(reads, threads);
    } else {
      threads = ReadPool.threads(cfg.numThreads(), reads);
      found = ReadPool.map(reads, threads, "sa", r -> run.read(r, sweepsOrDefault()));
    }
    double total = budget.elapsedSeconds();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("reads", run.reads.get());
    props.put("sweeps", run.sweeps.get());
    props.put("flip_attempts", run.sweeps.get() * (long) m.n);
    props.put("sweeps_per_second", total > 0 ? run.sweeps.get() / total : 0.0);
    props.put("threads", threads);
    props.put("beta_range", List.of(range[0], range[1]));
    props.put("beta_schedule_type", cfg.scheduleType());
    props.put("kernel", annealer.getClass().getSimpleName());
    props.put("seed", request.seed());
    return Results.build(m, found, "sa", total, props);
  }

  private int sweepsOrDefault() {
    if (cfg.customSchedule() != null) {
      return cfg.customSchedule().length * cfg.sweepsPerBeta();
    }
    return cfg.numSweeps() != null ? cfg.numSweeps() : DEFAULT_SWEEPS;
  }

  private Annealer annealer(BinaryForm m, Cardinality card) {
    if (card != null) {
      return new SwapAnnealer(m, card);
    }
    boolean dense = switch (cfg.layout()) {
      case "dense" -> true;
      case "sparse" -> false;
      default -> m.n >= 64 && m.n <= 4096 && m.density() >= 0.25;
    };
    if (dense && (long) m.n * m.n > 64L << 20) {
      dense = false; // a dense matrix above 64M entries would not fit the memory budget
    }
    if (m.isIntegral()) {
      return new IntAnnealer(m, dense ? Dense.ints(m) : null);
    }
    return new DoubleAnnealer(m, dense ? Dense.doubles(m) : null);
  }

  /** The state shared by the reads of one solve. */
  private final class Run {
    final BinaryForm m;
    final Cardinality card;
    final InitialStates init;
    final Annealer annealer;
    final double[] range;
    final long seed;
    final Budget budget;
    final AtomicLong sweeps = new AtomicLong();
    final AtomicLong reads = new AtomicLong();

    Run(BinaryForm m, Cardinality card, InitialStates init, Annealer annealer, double[] range,
        long seed, Budget budget) {
      this.m = m;
      this.card = card;
      this.init = init;
      this.annealer = annealer;
      this.range = range;
      this.seed = seed;
      this.budget = budget;
    }

    Found read(long r, int numSweeps) {
      long s = Seeds.forRead(seed, r);
      Rng rng = new Rng(s);
      byte[] x = init.forRead(r);
      if (x == null) {
        x = card == null ? Seeds.randomState(m.n, rng) : SwapSpace.randomState(card, m.n, rng);
      }
      BetaSchedule.Betas betas = cfg.customSchedule() != null ? BetaSchedule.of(cfg.customSchedule())
          : BetaSchedule.interpolate(range, Math.max(1, numSweeps / cfg.sweepsPerBeta()),
              cfg.scheduleType());
      long done = m.n == 0 ? 0 : annealer.anneal(x, betas, cfg.sweepsPerBeta(), rng.nextLong(),
          Deadline.of(budget));
      sweeps.addAndGet(done);
      reads.incrementAndGet();
      return new Found(x, m.energy(x), budget.elapsedSeconds(), r);
    }

    /** Each thread anneals back to back; anneal lengths grow unless num_sweeps is given. */
    List<Found> untilTimeIsUp(int keep, int threads) {
      BestKept best = new BestKept(keep);
      boolean grow = cfg.numSweeps() == null && cfg.customSchedule() == null;
      ReadPool.workers(threads, "sa", t -> {
        int len = sweepsOrDefault();
        double secondsPerSweep = Double.NaN;
        for (long k = 0; k == 0 || !budget.exhausted(); k++) {
          if (grow && k > 0) {
            len = nextLength(len, secondsPerSweep, budget.remainingNanos() / 1e9);
          }
          long before = sweeps.get();
          long t0 = System.nanoTime();
          Found f = read(t + k * threads, len);
          long done = Math.max(1, sweeps.get() - before);
          secondsPerSweep = (System.nanoTime() - t0) / 1e9 / done;
          best.offer(f);
        }
      });
      return best.list();
    }
  }

  /**
   * Doubles the anneal while two more doublings still fit in the remaining time; otherwise one
   * last anneal sized to use the rest of it (longer anneals find lower states).
   */
  static int nextLength(int len, double secondsPerSweep, double remaining) {
    double next = 2.0 * len * secondsPerSweep;
    if (remaining >= 3 * next) {
      return (int) Math.min(SaProvider.MAX, 2L * len);
    }
    return (int) Math.max(1, Math.min(SaProvider.MAX, 0.9 * remaining / secondsPerSweep));
  }

  @Override
  public String toString() {
    return "sa" + Arrays.toString(new Object[] {cfg.numReads(), cfg.numSweeps(), cfg.scheduleType()});
  }
}
