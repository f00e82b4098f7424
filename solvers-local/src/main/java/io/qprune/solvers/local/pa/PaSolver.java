package io.qprune.solvers.local.pa;

import io.qprune.api.Budget;
import io.qprune.api.Cardinality;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Chain;
import io.qprune.solvers.local.internal.Found;
import io.qprune.solvers.local.internal.Incumbent;
import io.qprune.solvers.local.internal.Results;
import io.qprune.solvers.local.internal.Rng;
import io.qprune.solvers.local.internal.Seeds;
import io.qprune.solvers.local.internal.SweepPool;
import io.qprune.solvers.local.pt.Ladder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Population annealing (Hukushima and Iba 2003; Machta, PRE 82, 2010; Wang, Machta and
 * Katzgraber, PRE 92, 2015). A population of R replicas is cooled along the ladder; at each step
 * β → β' replica i is copied a number of times with mean R·w_i/Σw, w_i = exp(−(β'−β)·E_i)
 * (nearest-integer resampling), then every copy makes Metropolis sweeps at β'. Without a time
 * limit it makes one run; with one, runs repeat with the population doubled each time until the
 * time is spent. Resampling draws from the run's own stream and sweeps from each replica's, so
 * the result repeats for a seed whatever the thread count.
 */
final class PaSolver implements Solver {
  /** Final replicas returned beside the lowest state visited. */
  static final int ROWS = 10;
  private final int population;
  private final int temperatures;
  private final int sweeps;
  private final double[] range;
  private final Double target;
  private final int threads;

  PaSolver(int population, int temperatures, int sweeps, double[] range, Double target, int threads) {
    this.population = population;
    this.temperatures = temperatures;
    this.sweeps = sweeps;
    this.range = range;
    this.target = target;
    this.threads = threads;
  }

  @Override
  public String name() {
    return "pa";
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    Budget budget = request.startBudget();
    BinaryForm m = BinaryForm.of(q);
    Cardinality card = request.cardinality();
    double[] betas = Ladder.geometric(range != null ? range : Ladder.defaultRange(q), temperatures);
    double[][] accept = new double[temperatures][];
    for (int t = 0; t < temperatures; t++) {
      accept[t] = Chain.acceptance(m, betas[t], card);
    }
    Incumbent best = new Incumbent(budget, target);
    List<Chain> last = List.of();
    long totalSweeps = 0;
    int runs = 0;
    int size = population;
    try (SweepPool pool = new SweepPool(threads, "pa")) {
      do {
        Rng rng = new Rng(Seeds.forRead(request.seed(), runs));
        List<Chain> pop = new ArrayList<>(size);
        for (int i = 0; i < size && (i == 0 || !budget.exhausted()); i++) {
          pop.add(Chain.random(m, card, rng.nextLong()));
          best.offer(pop.get(i));
        }
        for (int t = 0; t < temperatures && m.n > 0 && !best.reachedTarget() && !budget.exhausted(); t++) {
          if (t > 0) {
            pop = resample(pop, betas[t] - betas[t - 1], size, rng);
          }
          List<Chain> now = pop;
          int step = t;
          pool.run(now.size(), i -> {
            for (int s = 0; s < sweeps && (s == 0 || !budget.exhausted()); s++) {
              now.get(i).sweep(betas[step], accept[step]);
            }
          });
          totalSweeps += (long) sweeps * now.size();
          now.forEach(best::offer);
        }
        last = pop;
        runs++;
        size = (int) Math.min(10_000_000L, 2L * size);
      } while (budget.hasTimeLimit() && m.n > 0 && !best.reachedTarget() && !budget.exhausted());
    }
    List<Found> found = new ArrayList<>();
    found.add(best.found(m));
    double now = budget.elapsedSeconds();
    List<Chain> finals = new ArrayList<>(last);
    finals.sort(Comparator.comparingDouble(Chain::energy));
    for (int k = 0; k < Math.min(ROWS, finals.size()); k++) {
      Chain c = finals.get(k);
      c.quench();
      found.add(new Found(c.bits().clone(), m.energy(c.bits()), now, 1 + k));
    }
    double total = budget.elapsedSeconds();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("runs", runs);
    props.put("last_population", last.size());
    props.put("replica_sweeps", totalSweeps);
    props.put("sweeps_per_second", total > 0 ? totalSweeps / total : 0.0);
    props.put("threads", threads);
    props.put("beta_range", List.of(betas[0], betas[temperatures - 1]));
    props.put("reached_target", best.reachedTarget());
    props.put("seed", request.seed());
    return Results.build(m, found, "pa", total, props);
  }

  /**
   * Nearest-integer resampling: replica i gets floor(τ_i) copies plus one with probability
   * τ_i − floor(τ_i), τ_i = R·w_i/Σw. Energies enter relative to the lowest, so no weight
   * overflows; the lowest replica has τ ≥ 1 and always survives.
   */
  static List<Chain> resample(List<Chain> pop, double dBeta, int target, Rng rng) {
    double low = Double.POSITIVE_INFINITY;
    for (Chain c : pop) {
      low = Math.min(low, c.energy());
    }
    double[] w = new double[pop.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp(-dBeta * (pop.get(i).energy() - low));
      sum += w[i];
    }
    List<Chain> next = new ArrayList<>(target + target / 4);
    for (int i = 0; i < w.length; i++) {
      double tau = target * w[i] / sum;
      int copies = (int) tau + (rng.nextDouble() < tau - Math.floor(tau) ? 1 : 0);
      for (int k = 0; k < copies; k++) {
        next.add(k == 0 ? pop.get(i) : pop.get(i).copy(rng.nextLong()));
      }
    }
    return next;
  }

  @Override
  public String toString() {
    return "pa" + List.of(population, temperatures, sweeps, threads);
  }
}
