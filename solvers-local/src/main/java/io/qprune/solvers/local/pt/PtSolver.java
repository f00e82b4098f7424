package io.qprune.solvers.local.pt;

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
import io.qprune.solvers.local.internal.IntChain;
import io.qprune.solvers.local.internal.Replica;
import io.qprune.solvers.local.internal.Results;
import io.qprune.solvers.local.internal.Rng;
import io.qprune.solvers.local.internal.Rung;
import io.qprune.solvers.local.internal.Seeds;
import io.qprune.solvers.local.internal.SweepPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parallel tempering. Replica (lane l, rung t) is seeded from the request seed and its place
 * alone; exchanges and cluster moves draw from one stream of their own, after the sweeps of the
 * round, so the result repeats for a seed whatever the thread count. With the adaptive ladder the
 * rungs move at rounds 32, 64, 128, … (up to {@link #LAST_ADAPT}) from the exchange rates measured
 * since the last move, again the same for a seed at any thread count. The rows are the lowest
 * state visited, then the final state of each lane's coldest replica after a descent to a local
 * minimum.
 */
final class PtSolver implements Solver {
  static final int DEFAULT_SWEEPS = 1000;
  static final long FIRST_ADAPT = 32;
  static final long LAST_ADAPT = 1 << 14;
  /**
   * With cluster_moves auto, the round after which rungs whose clusters percolate stop making
   * cluster moves (measured over the rounds since the ladder last moved, past the first transient).
   */
  static final long CLUSTER_CHECK = 256;
  /** The round after which an auto-sized ladder takes its length and cold end from the exchange rates. */
  static final long RESIZE = 256;
  /** A rung's clusters percolate when the grown cluster holds this share of the differing variables or more. */
  static final double PERCOLATES = 0.5;
  private final PtConfig cfg;

  PtSolver(PtConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public String name() {
    return "pt";
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    Budget budget = request.startBudget();
    BinaryForm m = BinaryForm.of(q);
    Cardinality card = request.cardinality();
    int temps = cfg.temperatures(m.n);
    double[] betas = Ladder.geometric(cfg.betaRange() != null ? cfg.betaRange() : Ladder.range(q), temps);
    Rung[] rungs = Rung.of(m, betas, card);
    boolean clusters = clusterMoves(m, card);
    boolean fast = m.isIntegral() && card == null;
    int lanes = clusters ? 2 : 1;
    boolean checkClusters = clusters && cfg.clusterMoves().equals("auto");
    Replica[][] rung = new Replica[lanes][temps];
    for (int t = 0; t < temps; t++) {
      for (int l = 0; l < lanes; l++) {
        long seed = Seeds.forRead(request.seed(), (long) l * temps + t);
        rung[l][t] = fast ? IntChain.random(m, seed) : Chain.random(m, card, seed);
      }
    }
    Rng moves = new Rng(Seeds.forRead(request.seed(), -1));
    Houdayer houdayer = clusters ? new Houdayer(m) : null;
    int coldFrom = temps - (int) Math.ceil(cfg.clusterFraction() * temps);
    boolean[] clusterAt = new boolean[temps];
    java.util.Arrays.fill(clusterAt, coldFrom, temps, clusters);
    boolean adaptive = cfg.ladder().equals("adaptive") && temps > 2;
    boolean resize = adaptive && cfg.numTemperatures() == null && cfg.betaRange() == null;
    Stats stats = new Stats(temps);
    int adaptations = 0;
    Incumbent best = new Incumbent(budget, cfg.targetEnergy());
    long limit = cfg.numSweeps() != null ? cfg.numSweeps() : budget.hasTimeLimit() ? Long.MAX_VALUE : DEFAULT_SWEEPS;
    int per = cfg.sweepsPerExchange();
    long sweeps = 0;
    long replicaSweeps = 0;
    int threads;
    try (SweepPool pool = new SweepPool(cfg.numThreads(), "pt")) {
      threads = pool.threads();
      for (Replica[] lane : rung) {
        for (Replica c : lane) {
          best.offer(c);
        }
      }
      long nextAdapt = FIRST_ADAPT;
      for (long round = 0; m.n > 0 && sweeps < limit && !best.reachedTarget() && !budget.exhausted(); round++) {
        int k = (int) Math.min(per, limit - sweeps);
        Rung[] now = rungs;
        Replica[][] all = rung;
        int tt = temps;
        pool.run((clusters ? 2 : 1) * temps, i -> {
          Replica c = all[i / tt][i % tt];
          for (int s = 0; s < k && (s == 0 || !budget.exhausted()); s++) {
            c.sweep(now[i % tt]);
          }
        });
        sweeps += k;
        replicaSweeps += (long) k * (clusters ? 2 : 1) * temps;
        for (int l = 0; l < (clusters ? 2 : 1); l++) {
          Replica[] lane = rung[l];
          for (int t = 0; t < temps; t++) {
            stats.energy(t, lane[t].energy());
          }
          for (int t = (int) (round & 1); t + 1 < temps; t += 2) {
            double d = (betas[t] - betas[t + 1]) * (lane[t].energy() - lane[t + 1].energy());
            boolean take = d >= 0 || moves.nextDouble() < Math.exp(d);
            stats.swap(t, take);
            if (take) {
              Replica c = lane[t];
              lane[t] = lane[t + 1];
              lane[t + 1] = c;
            }
          }
        }
        for (int t = 0; clusters && t < temps; t++) {
          if (!clusterAt[t]) {
            continue;
          }
          int size = houdayer.move(rung[0][t], rung[1][t], moves);
          if (houdayer.swapped) {
            Replica c = rung[0][t];
            rung[0][t] = rung[1][t];
            rung[1][t] = c;
          }
          stats.cluster(t, size, houdayer.lastDiffer);
        }
        for (int l = 0; l < (clusters ? 2 : 1); l++) {
          for (Replica c : rung[l]) {
            best.offer(c);
          }
        }
        if (checkClusters && round + 1 == CLUSTER_CHECK) {
          clusters = keepClusters(stats.clusterShare(), clusterAt);
          checkClusters = false;
        }
        if (resize && round + 1 == RESIZE) {
          double[] old = betas;
          betas = Ladder.resize(betas, stats.acceptance());
          rung = remap(rung, old, betas, request.seed());
          clusterAt = remap(clusterAt, old, betas);
          temps = betas.length;
          rungs = Rung.of(m, betas, card);
          stats = new Stats(temps);
          adaptations++;
          nextAdapt *= 2;
        } else if (adaptive && round + 1 == nextAdapt && nextAdapt <= LAST_ADAPT) {
          double[] acceptance = stats.acceptance();
          betas = Ladder.respace(betas, acceptance);
          rungs = Rung.of(m, betas, card);
          stats.reset();
          adaptations++;
          nextAdapt *= 2;
        }
      }
    }
    List<Found> found = new ArrayList<>();
    found.add(best.found(m));
    double now = budget.elapsedSeconds();
    for (int l = 0; l < (clusters ? 2 : 1); l++) {
      Replica c = rung[l][temps - 1];
      c.quench();
      found.add(new Found(c.bits().clone(), m.energy(c.bits()), now, 1 + l));
    }
    double total = budget.elapsedSeconds();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("sweeps", sweeps);
    props.put("replicas", lanes * temps);
    props.put("rungs", temps);
    props.put("replicas_at_end", (clusters ? 2 : 1) * temps);
    props.put("flip_attempts", replicaSweeps * m.n);
    props.put("sweeps_per_second", total > 0 ? replicaSweeps / total : 0.0);
    props.put("threads", threads);
    props.put("kernel", fast ? "IntChain" : "Chain");
    props.put("betas", toList(betas));
    props.put("ladder_adaptations", adaptations);
    props.put("exchange_acceptance", toList(stats.acceptance()));
    props.put("energy_sigma", toList(stats.sigma()));
    props.put("cluster_moves", houdayer != null ? houdayer.moves : 0L);
    props.put("mean_cluster_size", houdayer != null && houdayer.moves > 0 ? (double) houdayer.flipped / houdayer.moves : 0.0);
    props.put("cluster_rungs", clusters ? count(clusterAt) : 0);
    props.put("cluster_share", toList(stats.clusterShare()));
    props.put("reached_target", best.reachedTarget());
    props.put("seed", request.seed());
    return Results.build(m, found, "pt", total, props);
  }

  /**
   * Keeps cluster moves on the rungs whose clusters do not percolate (Zhu, Ochoa and Katzgraber:
   * a cluster holding most differing variables only exchanges the two replicas, at the price of a
   * sweep); false when no rung keeps them, and the second lane is then dropped.
   */
  static boolean keepClusters(double[] share, boolean[] clusterAt) {
    boolean any = false;
    for (int t = 0; t < share.length; t++) {
      clusterAt[t] &= share[t] < PERCOLATES;
      any |= clusterAt[t];
    }
    return any;
  }

  /**
   * The replicas for a new ladder: each new rung takes the state of the old rung nearest in log β,
   * the first taker the replica itself, later ones a copy with a stream of its own.
   */
  static Replica[][] remap(Replica[][] rung, double[] old, double[] betas, long seed) {
    Replica[][] out = new Replica[rung.length][betas.length];
    for (int l = 0; l < rung.length; l++) {
      boolean[] taken = new boolean[old.length];
      for (int k = 0; k < betas.length; k++) {
        int j = nearest(old, betas[k]);
        out[l][k] = taken[j] ? rung[l][j].copy(Seeds.forRead(seed, (1L << 40) + (long) l * betas.length + k)) : rung[l][j];
        taken[j] = true;
      }
    }
    return out;
  }

  static boolean[] remap(boolean[] at, double[] old, double[] betas) {
    boolean[] out = new boolean[betas.length];
    for (int k = 0; k < betas.length; k++) {
      out[k] = at[nearest(old, betas[k])];
    }
    return out;
  }

  private static int nearest(double[] betas, double b) {
    int best = 0;
    for (int j = 1; j < betas.length; j++) {
      if (Math.abs(Math.log(betas[j] / b)) < Math.abs(Math.log(betas[best] / b))) {
        best = j;
      }
    }
    return best;
  }

  private static int count(boolean[] b) {
    int c = 0;
    for (boolean v : b) {
      c += v ? 1 : 0;
    }
    return c;
  }

  private boolean clusterMoves(BinaryForm m, Cardinality card) {
    return switch (cfg.clusterMoves()) {
      case "on" -> card == null;
      case "off" -> false;
      default -> card == null && m.n >= 2 && (double) m.nb.length / m.n <= 16;
    };
  }

  static List<Double> toList(double[] v) {
    List<Double> l = new ArrayList<>(v.length);
    for (double d : v) {
      l.add(d);
    }
    return l;
  }

  @Override
  public String toString() {
    return "pt" + java.util.Arrays.asList(cfg.numTemperatures(), cfg.clusterMoves(), cfg.numThreads());
  }
}
