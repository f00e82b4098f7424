package io.qprune.formulation.prune;

import io.qprune.api.Capability;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.EvalReport;
import io.qprune.formulation.eval.Evaluation;
import io.qprune.formulation.importance.Calibrator;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.model.Cost;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pruning run of a network, stage by stage: calibrate (scores and similarity), select
 * exactly k units, then score the pruned network on the validation and test photos.
 */
public final class PruneRun {
  /** Receives stage progress (start and end of each stage). */
  public interface Progress {
    void started(String stage);

    void finished(String stage, double seconds);

    /** Progress that reports nothing. */
    static Progress none() {
      return new Progress() {
        @Override
        public void started(String stage) {}

        @Override
        public void finished(String stage, double seconds) {}
      };
    }
  }

  /** What the run produced, with the wall time of each stage in seconds (no evaluations when off). */
  public record Result(ScoreSet scores, Pruned pruned, Cost full, Cost kept, EvalReport val,
      EvalReport test, Map<String, Double> seconds) {
    public Result {
      seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
  }

  private PruneRun() {}

  /** The noise model of the config (Gaussian, σ in 0–255 units). */
  public static Noise noise(PruneConfig cfg) {
    return new GaussianNoise(cfg.sigma());
  }

  /**
   * Scores and similarity of the model's units on the config's calibration crops, always measured
   * on the unpruned network (whatever mask the model holds; it is restored afterwards).
   */
  public static ScoreSet calibrate(Denoiser model, PruneConfig cfg) {
    List<NoisyPair> crops = CalibrationCrops.of(model.spec().color(), cfg.calibrationCrops(),
        cfg.calibrationSize(), noise(cfg), cfg.seed());
    Mask before = model.mask();
    model.setMask(Mask.all(model.units().size()));
    try {
      return new Calibrator(cfg.calibrationChunk(), cfg.pooled(), cfg.centred()).measure(model, crops);
    } finally {
      model.setMask(before);
    }
  }

  /** Runs every stage; the model's mask is the selected one afterwards. */
  public static Result run(Denoiser model, PruneConfig cfg, Solver solver, Set<Capability> caps,
      Progress progress) {
    Map<String, Double> secs = new LinkedHashMap<>();
    progress.started("scores");
    long t = System.nanoTime();
    ScoreSet scores = calibrate(model, cfg);
    secs.put("scores", since(t));
    progress.finished("scores", secs.get("scores"));

    progress.started("select");
    t = System.nanoTime();
    SolveRequest req = SolveRequest.seeded(cfg.seed());
    if (cfg.timeLimit() != null) {
      req = req.withTimeLimitSeconds(cfg.timeLimit());
    }
    Pruned pruned = new Pruner(solver, caps).prune(scores, cfg.settings(), req);
    secs.put("select", since(t));
    progress.finished("select", secs.get("select"));

    Mask mask = pruned.selection().mask();
    model.setMask(mask);
    if (!cfg.evaluate()) {
      return new Result(scores, pruned, model.fullCost(), model.cost(mask), null, null, secs);
    }
    progress.started("validation");
    t = System.nanoTime();
    EvalReport val = Evaluation.run(model,
        EvalPhotos.of(Split.VAL, model.spec().color(), noise(cfg), cfg.evalSeed()));
    secs.put("validation", since(t));
    progress.finished("validation", secs.get("validation"));
    progress.started("test");
    t = System.nanoTime();
    EvalReport test = Evaluation.run(model,
        EvalPhotos.of(Split.TEST, model.spec().color(), noise(cfg), cfg.evalSeed()));
    secs.put("test", since(t));
    progress.finished("test", secs.get("test"));
    return new Result(scores, pruned, model.fullCost(), model.cost(mask), val, test, secs);
  }

  private static double since(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
