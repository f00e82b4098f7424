package io.qprune.solvers.local.protes;

import io.qprune.api.InvalidInputException;
import io.qprune.api.blackbox.BlackBoxOptimizer;
import io.qprune.api.blackbox.BlackBoxProblem;
import io.qprune.api.blackbox.BlackBoxResult;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.Objective;
import io.qprune.solvers.local.internal.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * PROTES (Batsheva et al., NeurIPS 2023): each iteration draws K points from a tensor-train
 * distribution, evaluates the new distinct ones in one batch, and takes K_gd Adam steps raising
 * the likelihood of the batch's K_top best. Iteration i draws from a generator seeded by
 * (seed, i) alone, so a run resumed from a checkpoint ends exactly as an uninterrupted one.
 */
public final class Protes implements BlackBoxOptimizer {
  private final ProtesConfig cfg;

  Protes(ProtesConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public BlackBoxResult minimise(BlackBoxProblem problem, Objective objective, BlackBoxRun run) {
    long t0 = System.nanoTime();
    if (problem.choices() > Character.MAX_VALUE) {
      throw new InvalidInputException("PROTES handles at most " + (int) Character.MAX_VALUE
          + " choices per position, got " + problem.choices());
    }
    ProtesState s = run.resume().map(b -> Checkpoint.read(b, problem, cfg, run.seed()))
        .orElseGet(() -> fresh(problem, run.seed()));
    String reason;
    while (true) {
      if (s.evaluations() >= run.budget()) {
        reason = "budget";
        break;
      }
      if (s.stall >= cfg.maxStall()) {
        reason = "stalled";
        break;
      }
      if (s.evaluations() > 0 && run.cancellation().isCancelled()) {
        reason = "cancelled";
        break;
      }
      iterate(s, problem, objective, run.budget());
      s.iteration++;
      run.listener().iteration(s.iteration, s.evaluations(), s.bestValue);
      if (run.wantsCheckpoints() && s.iteration % run.checkpointEvery() == 0) {
        run.checkpoints().accept(Checkpoint.write(s, problem, cfg));
      }
    }
    return new BlackBoxResult(s.best, s.bestValue, s.evaluations(), s.iteration, reason,
        (System.nanoTime() - t0) / 1e9, s.trace);
  }

  private ProtesState fresh(BlackBoxProblem problem, long seed) {
    SplittableRandom rng = new SplittableRandom(Seeds.forRead(seed, -1));
    int d = problem.dimensions();
    int n = problem.choices();
    TensorTrain train = problem.start()
        .map(x -> TensorTrain.peaked(x, n, cfg.rank(), cfg.startEpsilon(), cfg.noise(), rng))
        .orElseGet(() -> TensorTrain.random(d, n, cfg.rank(), rng));
    return new ProtesState(seed, train, new Adam(cfg.lr(), train.size()), new PointCache(), List.of());
  }

  private void iterate(ProtesState s, BlackBoxProblem problem, Objective objective, long budget) {
    if (s.iteration == 0 && problem.start().isPresent()) {
      evaluate(s, List.of(problem.start().get()), objective);
      return;
    }
    int ones = problem.ones().isPresent() ? problem.ones().getAsInt() : -1;
    Distribution dist = new Distribution(s.train, ones);
    SplittableRandom rng = new SplittableRandom(Seeds.forRead(s.seed, s.iteration));
    List<int[]> samples = new ArrayList<>(cfg.k());
    Map<String, int[]> fresh = new LinkedHashMap<>();
    long room = budget - s.evaluations();
    for (int i = 0; i < cfg.k(); i++) {
      int[] x = dist.sample(rng);
      samples.add(x);
      String key = PointCache.key(x);
      if (fresh.size() < room && !s.cache.contains(key)) {
        fresh.putIfAbsent(key, x);
      }
    }
    s.stall = fresh.isEmpty() ? s.stall + 1 : 0;
    evaluate(s, new ArrayList<>(fresh.values()), objective);
    if (s.evaluations() >= budget) {
      return; // the run ends here: a last update would never be sampled
    }
    List<Integer> order = new ArrayList<>();
    double[] values = new double[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      values[i] = s.cache.get(samples.get(i));
      order.add(i);
    }
    order.sort((a, b) -> values[a] != values[b] ? Double.compare(values[a], values[b]) : Integer.compare(a, b));
    List<int[]> elite = new ArrayList<>();
    for (int i : order.subList(0, Math.min(cfg.kTop(), order.size()))) {
      elite.add(samples.get(i));
    }
    for (int step = 0; step < cfg.kGd(); step++) {
      Distribution current = step == 0 ? dist : new Distribution(s.train, ones);
      Gradient g = new Gradient(current);
      for (int[] x : elite) {
        g.add(x, -1.0 / elite.size());
      }
      double[] params = s.train.parameters();
      s.adam.step(params, g.result());
      s.train = s.train.with(params);
    }
  }

  private static void evaluate(ProtesState s, List<int[]> points, Objective objective) {
    if (points.isEmpty()) {
      return;
    }
    List<int[]> copies = new ArrayList<>(points.size());
    for (int[] x : points) {
      copies.add(x.clone());
    }
    double[] v = objective.evaluate(Collections.unmodifiableList(copies));
    if (v == null || v.length != points.size()) {
      throw new InvalidInputException("The objective returned " + (v == null ? "null" : v.length + " values")
          + " for a batch of " + points.size() + " points; it must return one value per point, in order");
    }
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new InvalidInputException("The objective returned " + v[i] + " for point " + i + " of a batch of "
            + points.size() + " (" + shortText(points.get(i)) + "); values must be finite. Maybe return a"
            + " large penalty for an invalid point instead");
      }
    }
    for (int i = 0; i < v.length; i++) {
      s.record(points.get(i), v[i]);
    }
  }

  private static String shortText(int[] x) {
    int[] head = java.util.Arrays.copyOf(x, Math.min(x.length, 32));
    return java.util.Arrays.toString(head) + (x.length > head.length ? "…" : "");
  }

  @Override
  public String toString() {
    return "protes" + cfg;
  }
}
