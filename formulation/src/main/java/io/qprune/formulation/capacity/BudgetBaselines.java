package io.qprune.formulation.capacity;

import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.MaskCost;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Non-QUBO selections under a cost budget, the baselines the budgeted QUBO is compared with:
 * greedy ranking (prune the lowest-scored unit until the budget is met, then put back, best first,
 * every pruned unit that still fits, and when that ends below the budget's floor the one swap that
 * lands in it with the least loss of score) and HALP-style knapsack (linear importance, each unit's cost
 * its marginal cost in the unpruned network, exact 0/1 knapsack by dynamic programming on the
 * cost discretised to {@value #BUCKETS} steps; since the marginals add the shared pair costs
 * twice, the knapsack's capacity is bisected until the true cost of its answer meets the budget,
 * then units that fit are added with budget-feasible moves). Both keep the layer guards.
 */
public final class BudgetBaselines {
  /** Discretisation of the knapsack's capacity. */
  static final int BUCKETS = 4000;

  private BudgetBaselines() {}

  /** Greedy by {@code score} (higher keeps), stopped at the budget. */
  public static boolean[] greedy(double[] score, MaskCost cost, Budget budget, LayerGuards guards) {
    int n = score.length;
    double full = cost.total();
    double limit = budget.limit(full);
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).thenComparing(i -> -i));
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    int[] kept = guards.keptPerLayer(keep);
    double c = full;
    for (int i : order) { // lowest score first
      if (c <= limit) {
        break;
      }
      int l = guards.layerOf(i);
      if (kept[l] > guards.minKeep(l)) {
        keep[i] = false;
        kept[l]--;
        c = cost.value(keep);
      }
    }
    if (c > limit) {
      throw BudgetMoves.infeasible(cost, limit, c);
    }
    for (int a = order.length - 1; a >= 0; a--) { // best pruned units back while they fit
      int i = order[a];
      if (!keep[i]) {
        keep[i] = true;
        double after = cost.value(keep);
        if (after <= limit) {
          c = after;
        } else {
          keep[i] = false;
        }
      }
    }
    // nothing more fits; below the floor, one swap may still land in the window
    LocalFields s = new LocalFields(linearModel(score), keep);
    BudgetMoves.repair(s, cost, limit, budget.floor(full), guards);
    return s.bits();
  }

  /** HALP-style knapsack over {@code score}, the true cost at most the budget. */
  public static boolean[] knapsack(double[] score, MaskCost cost, Budget budget, LayerGuards guards) {
    int n = score.length;
    double full = cost.total();
    double limit = budget.limit(full);
    double[] marginal = new double[n];
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    for (int i = 0; i < n; i++) {
      all[i] = false;
      marginal[i] = Math.max(0, full - cost.value(all));
      all[i] = true;
    }
    boolean[] forced = TopKFloor.forced(score, guards);
    double lo = 0;
    double hi = 2 * full;
    boolean[] best = null;
    for (int step = 0; step < 40; step++) {
      double cap = step == 0 ? limit : 0.5 * (lo + hi);
      boolean[] x = solveKnapsack(score, marginal, forced, cap);
      if (cost.value(x) <= limit) {
        best = x;
        lo = cap;
      } else {
        hi = cap;
      }
      if (hi - lo < 1e-4 * limit) {
        break;
      }
    }
    if (best == null) {
      best = forced.clone();
    }
    Qubo linear = linearModel(score);
    LocalFields s = new LocalFields(linear, best);
    BudgetMoves.repair(s, cost, limit, budget.floor(full), guards);
    return s.bits();
  }

  /** Max Σ score over the free units with Σ weight ≤ capacity (forced units always in, their weight counted). */
  static boolean[] solveKnapsack(double[] score, double[] weight, boolean[] forced, double capacity) {
    int n = score.length;
    double used = 0;
    for (int i = 0; i < n; i++) {
      used += forced[i] ? weight[i] : 0;
    }
    boolean[] keep = forced.clone();
    double room = capacity - used;
    if (room <= 0) {
      return keep;
    }
    double q = room / BUCKETS;
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = (int) Math.min(Integer.MAX_VALUE / 2, Math.ceil(weight[i] / q - 1e-9));
    }
    double[] value = new double[BUCKETS + 1];
    boolean[][] take = new boolean[n][];
    for (int i = 0; i < n; i++) {
      take[i] = new boolean[BUCKETS + 1];
      if (forced[i] || score[i] <= 0 || w[i] > BUCKETS) {
        continue;
      }
      for (int c = BUCKETS; c >= w[i]; c--) {
        double v = value[c - w[i]] + score[i];
        if (v > value[c]) {
          value[c] = v;
          take[i][c] = true;
        }
      }
    }
    int c = BUCKETS;
    for (int i = n - 1; i >= 0; i--) {
      if (take[i][c]) {
        keep[i] = true;
        c -= w[i];
      }
    }
    return keep;
  }

  /** {@code −Σ score_i x_i}: the linear importance as a model, for the feasible moves. */
  static Qubo linearModel(double[] score) {
    QuboBuilder b = Qubo.builder(score.length);
    for (int i = 0; i < score.length; i++) {
      b.addLinear(i, -score[i]);
    }
    return b.build();
  }
}
