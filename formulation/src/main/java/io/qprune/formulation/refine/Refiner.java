package io.qprune.formulation.refine;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.blackbox.BlackBoxOptimizer;
import io.qprune.api.blackbox.BlackBoxResult;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.Optimizers;
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

  public Refiner(RefineSettings settings, long seed) {
    this(settings, seed, Optimizers.discover().create(settings.optimizer(), settings.parameters()));
  }

  public Refiner(RefineSettings settings, long seed, BlackBoxOptimizer optimizer) {
    this.settings = settings;
    this.seed = seed;
    this.optimizer = optimizer;
  }

  /** The sub-problem for {@code start}: the layers closest to the boundary of {@code qubo}. */
  public SubProblem subProblem(List<Layer> layers, Qubo qubo, Mask start) {
    int l = settings.layers();
    if (qubo == null && l != 0 && l < layers.size()) {
      throw new InvalidInputException("Choosing " + l + " of " + layers.size() + " layers needs the QUBO"
          + " the mask came from (qubo.json beside mask.json); give it, or refine all layers");
    }
    List<Layer> chosen = LayerChoice.closest(qubo, start, layers, l);
    return new SubProblem(start, chosen);
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
    RefineState meta = new RefineState(settings, seed, start, names);
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
        List<Integer> todo = new ArrayList<>();
        List<int[]> fresh = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
          Double known = log.get(points.get(i));
          if (known != null) {
            v[i] = -known;
          } else {
            todo.add(i);
            fresh.add(points.get(i));
          }
        }
        long t = System.nanoTime();
        double[] psnr = fresh.isEmpty() ? new double[0] : scorer.psnr(sub, fresh);
        for (int j = 0; j < psnr.length; j++) {
          log.put(fresh.get(j), psnr[j]);
          v[todo.get(j)] = -psnr[j];
        }
        log.flush();
        evalSecs[0] += (System.nanoTime() - t) / 1e9;
        return v;
      }, run);
      Double before = log.get(sub.startPoint());
      double valBefore = before != null ? before : scorer.psnr(sub, List.of(sub.startPoint()))[0];
      return new Refined(start, sub.expand(r.best()), names, sub.size(),
          java.util.Arrays.stream(sub.startPoint()).sum(), valBefore, -r.bestValue(), r,
          (System.nanoTime() - t0) / 1e9, evalSecs[0]);
    }
  }
}
