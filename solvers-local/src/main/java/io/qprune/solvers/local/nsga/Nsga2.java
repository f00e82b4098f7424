package io.qprune.solvers.local.nsga;

import io.qprune.api.blackbox.Pareto2d;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.MultiObjective;
import io.qprune.api.blackbox.MultiObjectiveOptimizer;
import io.qprune.api.blackbox.MultiObjectiveProblem;
import io.qprune.api.blackbox.ParetoResult;
import io.qprune.solvers.local.internal.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NSGA-II (Deb et al., IEEE TEVC 2002): each generation breeds N offspring from crowded-tournament
 * parents, evaluates the new distinct ones in one batch, and keeps the best N of parents ∪
 * offspring by front and crowding distance. Generation g draws from a generator seeded by
 * (seed, g) alone, so a run resumed from a checkpoint ends exactly as an uninterrupted one.
 */
public final class Nsga2 implements MultiObjectiveOptimizer {
  private final Nsga2Config cfg;

  Nsga2(Nsga2Config cfg) {
    this.cfg = cfg;
  }

  @Override
  public <G> ParetoResult<G> minimise(MultiObjectiveProblem<G> problem, MultiObjective<G> objectives,
      BlackBoxRun run) {
    long t0 = System.nanoTime();
    Representation<G> rep = Representation.of(problem);
    Variation<G> variation = Variation.of(problem, cfg);
    Nsga2State<G> s = run.resume().map(b -> Nsga2Checkpoint.read(b, problem, cfg, rep, run.seed()))
        .orElseGet(() -> new Nsga2State<>(run.seed(), cfg.flipRate()));
    Evaluator<G> evaluator = new Evaluator<>(problem, objectives, rep);
    double[] ref = problem.reference().orElse(null);
    String reason = null;
    while (reason == null) {
      reason = s.steps == 0 ? null : stopReason(s, run);
      if (reason != null) {
        break;
      }
      SplittableRandom rng = new SplittableRandom(Seeds.forRead(s.seed, s.steps));
      List<G> candidates = s.steps == 0 ? initial(problem, rep, rng) : offspring(s, variation, rng);
      List<G> genomes = new ArrayList<>(s.population);
      int parents = genomes.size();
      List<double[]> values = new ArrayList<>(s.objectives);
      int fresh = evaluator.evaluate(candidates, s.cache, run.budget() - s.cache.size(), genomes, values);
      s.population = new ArrayList<>();
      s.objectives = new ArrayList<>();
      int survived = 0;
      for (int i : Survival.select(values, cfg.population())) {
        s.population.add(genomes.get(i));
        s.objectives.add(values.get(i));
        survived += i >= parents ? 1 : 0;
      }
      if (cfg.adaptive() && s.steps > 0 && genomes.size() > parents) {
        // the 1/5 success rule: bolder moves while more than a fifth of the offspring survive
        double success = survived / (double) (genomes.size() - parents);
        s.flipRate = Math.min(0.5, Math.max(1e-6,
            success > 0.2 ? s.flipRate * 1.5 : s.flipRate / Math.pow(1.5, 0.25)));
      }
      s.stall = fresh == 0 ? s.stall + 1 : 0;
      double hv = ref == null ? Double.NaN : Pareto2d.hypervolume(s.objectives, ref);
      if (ref != null) {
        s.hypervolume.add(hv);
      }
      s.steps++;
      run.listener().iteration(s.steps - 1, s.cache.size(), hv);
      if (run.wantsCheckpoints() && s.steps % run.checkpointEvery() == 0) {
        run.checkpoints().accept(Nsga2Checkpoint.write(s, problem, cfg, rep));
      }
    }
    return result(s, reason, (System.nanoTime() - t0) / 1e9);
  }

  private String stopReason(Nsga2State<?> s, BlackBoxRun run) {
    if (s.cache.size() >= run.budget()) {
      return "budget";
    }
    if (s.steps - 1 >= cfg.generations()) {
      return "generations";
    }
    if (s.stall >= cfg.maxStall()) {
      return "stalled";
    }
    return run.cancellation().isCancelled() ? "cancelled" : null;
  }

  private <G> List<G> initial(MultiObjectiveProblem<G> problem, Representation<G> rep, SplittableRandom rng) {
    List<G> out = new ArrayList<>(cfg.population());
    for (G g : problem.start()) {
      if (out.size() < cfg.population()) {
        out.add(g);
      }
    }
    while (out.size() < cfg.population()) {
      out.add(rep.random(rng));
    }
    return out;
  }

  private <G> List<G> offspring(Nsga2State<G> s, Variation<G> variation, SplittableRandom rng) {
    Ranking ranking = Ranking.of(s.objectives);
    List<G> out = new ArrayList<>(cfg.population() + 1);
    while (out.size() < cfg.population()) {
      G p1 = s.population.get(Tournament.select(ranking, rng));
      G p2 = s.population.get(Tournament.select(ranking, rng));
      out.addAll(variation.breed(p1, p2, s.flipRate, rng));
    }
    return out.subList(0, cfg.population());
  }

  private static <G> ParetoResult<G> result(Nsga2State<G> s, String reason, double seconds) {
    int[] front = s.objectives.isEmpty() ? new int[0] : NonDominatedSort.fronts(s.objectives).get(0);
    Integer[] order = Arrays.stream(front).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparing((Integer i) -> s.objectives.get(i), Arrays::compare));
    List<G> genomes = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (int i : order) {
      genomes.add(s.population.get(i));
      values.add(s.objectives.get(i));
    }
    return new ParetoResult<>(genomes, values, s.cache.size(), Math.max(0, s.steps - 1), reason, seconds,
        s.hypervolume);
  }

  @Override
  public String toString() {
    return "nsga2" + cfg;
  }
}
