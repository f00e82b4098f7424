package io.qprune.formulation.capacity;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Vartype;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.model.Mask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Selects units of a BINARY pruning QUBO under a cost budget with any solver: the budgeted model
 * {@code E(x) + λ·cost(x)/cost(all)} is still a QUBO (the cost is quadratic in the mask, or its
 * quadratic form around the last answer, see {@link MaskCost#around}); λ is bisected (doubled
 * until the answer fits, then halved between the bounds) until the solver's answer costs at most
 * the budget and at least the budget minus its tolerance. Every answer is then repaired with
 * budget-feasible moves only, the best one (lowest energy of the original model) is polished by
 * feasible swaps. Whatever the solver returns, the mask costs at most the budget.
 */
public final class BudgetSearch {
  private final Solver solver;
  private final CapacityOptions options;

  /** The outcome with the λ reached and the QUBO with that λ (the model worth sending to any sampler). */
  public record Result(Selection selection, double lambda, Qubo budgeted, double cost, double full) {}

  public BudgetSearch(Solver solver, CapacityOptions options) {
    this.solver = solver;
    this.options = options;
  }

  /** Selects units of {@code qubo} costing at most {@code budget} of {@code cost}, within {@code guards}. */
  public Result select(Qubo qubo, MaskCost cost, Budget budget, LayerGuards guards, SolveRequest request) {
    if (qubo.vartype() != Vartype.BINARY) {
      throw new InvalidInputException("The budget search needs a BINARY model");
    }
    if (cost.size() != qubo.numVariables() || guards.numUnits() != qubo.numVariables()) {
      throw new InvalidInputException("The " + cost.name() + " cost covers " + cost.size()
          + " units and the guards " + guards.numUnits() + "; the model has " + qubo.numVariables());
    }
    long t0 = System.nanoTime();
    double full = cost.total();
    double limit = budget.limit(full);
    double floor = budget.floor(full);
    boolean[] ref = new boolean[qubo.numVariables()];
    Arrays.fill(ref, true);
    List<SearchStep> steps = new ArrayList<>();
    LocalFields best = null;
    double bestLambda = Double.NaN;
    Qubo bestModel = null;
    int flips = 0;
    boolean hit = false;
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double lambda = 1;
    for (int step = 0; step < options.maxSteps(); step++) {
      Qubo model = withCost(qubo, cost.around(ref), lambda / full);
      var answer = CapacitySearch.solveOnce(solver, model, request.withSeed(request.seed() + step));
      boolean[] x = CapacitySearch.firstBits(answer);
      double c = cost.value(x);
      steps.add(new SearchStep(lambda, CapacitySearch.count(x), answer.info().properties()));
      boolean inWindow = c <= limit && c >= floor;
      LocalFields s = new LocalFields(qubo, x);
      int f = BudgetMoves.repair(s, cost, limit, floor, guards);
      if (best == null || s.energy() < best.energy() || (inWindow && !hit)) {
        best = s;
        flips = f;
        bestLambda = lambda;
        bestModel = model;
      }
      if (inWindow) {
        hit = true;
        break;
      }
      ref = x;
      if (c > limit) {
        lo = lambda;
        lambda = Double.isInfinite(hi) ? 2 * lambda : 0.5 * (lo + hi);
      } else {
        hi = lambda;
        lambda = 0.5 * (lo + hi);
      }
    }
    double c = cost.value(best.bits());
    int swaps = options.polish()
        ? BudgetMoves.polish(best, cost, limit, Math.min(floor, c), guards, options.maxSwaps()) : 0;
    boolean[] keep = best.bits();
    double spent = cost.value(keep);
    if (spent > limit * (1 + 1e-12) || !guards.satisfiedBy(keep)) {
      throw new IllegalStateException("Budget search ended at " + cost.name() + " " + spent + " > " + limit);
    }
    Selection sel = new Selection(Mask.of(keep), qubo.energy(keep), ExactK.SEARCH, steps, hit, flips,
        swaps, (System.nanoTime() - t0) / 1e9);
    return new Result(sel, bestLambda, bestModel, spent, full);
  }

  /** {@code q + w·cost} (the cost's constant goes to the offset). */
  public static Qubo withCost(Qubo q, QuadraticCost cost, double w) {
    QuboBuilder b = Qubo.builder(q.numVariables()).labels(q.labels());
    for (int i = 0; i < q.numVariables(); i++) {
      b.addLinear(i, q.linear(i) + w * cost.linear()[i]);
    }
    q.forEachInteraction(b::addQuadratic);
    for (int k = 0; k < cost.pairI().length; k++) {
      b.addQuadratic(cost.pairI()[k], cost.pairJ()[k], w * cost.pairW()[k]);
    }
    b.addOffset(q.offset() + w * cost.constant());
    return b.build();
  }
}
