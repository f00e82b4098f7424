package io.qprune.formulation.refine;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.blackbox.BlackBoxOptimizer;
import io.qprune.api.blackbox.BlackBoxResult;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.Optimizers;
import io.qprune.formulation.capacity.BudgetRepair;
import io.qprune.formulation.capacity.LayerGuards;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.eval.MaskEvaluator;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TT-refinement stage: the units of L layers (chosen by {@link LayerChoice}) become a binary
 * black-box problem with the start mask's count of ones, minimised against −PSNR on fixed
 * validation crops by the configured optimiser (PROTES by default), everything else fixed. With
 * a state folder it checkpoints (optimiser state + every evaluation) and can resume after a kill.
 */
public final class Refiner {
  /** Receives the best validation PSNR after each iteration. */
  @FunctionalInterface
  public interface Progress {
    void iteration(int iteration, long evaluations, long budget, double bestPsnr);
  }

  /**
   * Scores points of a sub-problem: the validation PSNR of each, in order. In this process by a
   * {@link MaskEvaluator}, or by a cluster that rebuilds one on its executors.
   */
  @FunctionalInterface
  public interface Scorer {
    double[] psnr(SubProblem sub, List<int[]> points);

    /** Scores with {@code val}, one point after the other. */
    static Scorer of(MaskEvaluator val) {
      return (sub, points) -> points.stream().mapToDouble(p -> val.psnr(sub.expand(p))).toArray();
    }
  }

  /** The files of a resumable run: the optimiser's checkpoint and the evaluation log. */
  public static final String STATE = "refine-state.json";
  public static final String EVALUATIONS = "refine-evaluations.txt";

  private final RefineSettings settings;
  private final long seed;
  private final BlackBoxOptimizer optimizer;
  /** The cost budget every scored mask keeps, or null (then the start's unit count is kept). */
  private final CostLimit limit;

  /** A cost budget for the refinement: the cost, the budget and the per-layer guards the selection kept. */
  public record CostLimit(MaskCost cost, Budget budget, LayerGuards guards) {}

  public Refiner(RefineSettings settings, long seed) {
    this(settings, seed, Optimizers.discover().create(settings.optimizer(), settings.parameters()));
  }

  public Refiner(RefineSettings settings, long seed, BlackBoxOptimizer optimizer) {
    this(settings, seed, optimizer, null);
  }

  private Refiner(RefineSettings settings, long seed, BlackBoxOptimizer optimizer, CostLimit limit) {
    this.settings = settings;
    this.seed = seed;
    this.optimizer = optimizer;
    this.limit = limit;
  }

  /**
   * This refiner keeping a cost budget instead of the unit count: the optimiser samples masks of
   * any count, and each is moved into the budget's window within the guards ({@link BudgetRepair},
   * guided by the QUBO, only the sub-problem's units) before it is scored; the result is such a
   * repaired mask. Null keeps the unit count.
   */
  public Refiner withBudget(CostLimit budget) {
    return new Refiner(settings, seed, optimizer, budget);
  }

  /** The sub-problem for {@code start}: the layers closest to the boundary of {@code qubo}. */
  public SubProblem subProblem(List<Layer> layers, Qubo qubo, Mask start) {
    int l = settings.layers();
    if (qubo == null && l != 0 && l < layers.size()) {
      throw new InvalidInputException("Choosing " + l + " of " + layers.size() + " layers needs the QUBO"
          + " the mask came from (qubo.json beside mask.json); give it, or refine all layers");
    }
    List<Layer> chosen = LayerChoice.closest(qubo, start, layers, l);
    SubProblem sub = new SubProblem(start, chosen);
    return limit == null ? sub : budgeted(sub, qubo, start);
  }

  private SubProblem budgeted(SubProblem sub, Qubo qubo, Mask start) {
    if (qubo == null) {
      throw new InvalidInputException("Refining under a " + limit.budget().kind() + " budget needs the QUBO the"
          + " mask came from (qubo.json beside mask.json): it guides the budget repair");
    }
    MaskCost cost = limit.cost();
    double full = cost.total();
    double spent = cost.value(start);
    if (spent > limit.budget().limit(full) * (1 + 1e-12)) {
      throw new InvalidInputException(String.format(java.util.Locale.ROOT, "The mask to refine costs %.4g %s,"
          + " %.2f %% of the unpruned network, above the %.2f %% budget. Refine a mask pruned to that budget.",
          spent, cost.name(), 100 * spent / full, 100 * limit.budget().fraction()));
    }
    int[] free = sub.freeUnits();
    boolean[] movable = new boolean[start.size()];
    for (int u : free) {
      movable[u] = true;
    }
    BudgetRepair repair = new BudgetRepair(qubo, cost, limit.budget(), limit.guards(), movable);
    int[] startPoint = sub.startPoint();
    return sub.withRepair(x -> {
      boolean[] fixed;
      try {
        fixed = repair.repair(sub.expand(x).toKeep());
      } catch (InvalidInputException e) { // the free units cannot bring it under the limit: score the start
        return startPoint.clone();
      }
      int[] y = new int[free.length];
      for (int i = 0; i < free.length; i++) {
        y[i] = fixed[free[i]] ? 1 : 0;
      }
      return y;
    });
  }

  /**
   * Refines {@code start}. With a {@code stateDir} the run checkpoints there; {@code resume}
   * continues a killed run from it (same settings, start and seed, else an error).
   */
  public Refined run(MaskEvaluator val, List<Layer> layers, Qubo qubo, Mask start, Path stateDir,
      boolean resume, Progress progress) {
    return run(Scorer.of(val), layers, qubo, start, stateDir, resume, progress);
  }

  /** As {@link #run(MaskEvaluator, List, Qubo, Mask, Path, boolean, Progress)}, scoring with {@code scorer}. */
  public Refined run(Scorer scorer, List<Layer> layers, Qubo qubo, Mask start, Path stateDir,
      boolean resume, Progress progress) {
    long t0 = System.nanoTime();
    SubProblem sub = subProblem(layers, qubo, start);
    List<String> names = sub.layers().stream().map(Layer::name).toList();
    RefineState meta = new RefineState(settings, seed, start, names, limit == null ? null : limit.budget());
    byte[] resumeFrom = resume && stateDir != null ? meta.readMatching(stateDir.resolve(STATE)) : null;
    double[] evalSecs = {0};
    try (EvalLog log = stateDir == null ? EvalLog.inMemory()
        : EvalLog.open(stateDir.resolve(EVALUATIONS), resume)) {
      BlackBoxRun run = BlackBoxRun.of(settings.budget(), seed)
          .withListener((it, ev, best) -> progress.iteration(it, ev, settings.budget(), -best));
      if (stateDir != null) {
        run = run.withCheckpoints(settings.checkpointEvery(), b -> meta.write(stateDir.resolve(STATE), b));
      }
      if (resumeFrom != null) {
        run = run.resumingFrom(resumeFrom);
      }
      BlackBoxResult r = optimizer.minimise(sub.problem(), points -> {
        double[] v = new double[points.size()];
        int[][] scored = new int[v.length][];
        java.util.Map<String, int[]> fresh = new java.util.LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
          scored[i] = sub.feasible(points.get(i)); // the point itself without a budget
          if (log.get(scored[i]) == null) {
            fresh.putIfAbsent(EvalLog.key(scored[i]), scored[i]);
          }
        }
        long t = System.nanoTime();
        List<int[]> todo = new ArrayList<>(fresh.values());
        double[] psnr = todo.isEmpty() ? new double[0] : scorer.psnr(sub, todo);
        for (int j = 0; j < psnr.length; j++) {
          log.put(todo.get(j), psnr[j]);
        }
        for (int i = 0; i < v.length; i++) {
          v[i] = -log.get(scored[i]);
        }
        log.flush();
        evalSecs[0] += (System.nanoTime() - t) / 1e9;
        return v;
      }, run);
      Double before = log.get(sub.startPoint());
      double valBefore = before != null ? before : scorer.psnr(sub, List.of(sub.startPoint()))[0];
      return new Refined(start, sub.expand(sub.feasible(r.best())), names, sub.size(),
          java.util.Arrays.stream(sub.startPoint()).sum(), valBefore, -r.bestValue(), r,
          (System.nanoTime() - t0) / 1e9, evalSecs[0]);
    }
  }
}
