package io.qprune.formulation.capacity;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Vartype;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.CappedCost;
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

  /**
   * The outcome with the λ reached, the weight μ put on the cost's caps (0 without caps) and the
   * QUBO with them (the model worth sending to any sampler).
   */
  public record Result(Selection selection, double lambda, Qubo budgeted, double cost, double full, double capWeight) {}

  /** At most this many μ steps (doubling, then bisection) when the cost has caps. */
  static final int CAP_STEPS = 8;

  /** One λ search at a fixed μ: the best repaired answer and what the solver's last answer did. */
  private record Attempt(LocalFields best, int flips, double lambda, Qubo model, boolean hit, boolean fits,
      double answerExcess, double mu) {}

  public BudgetSearch(Solver solver, CapacityOptions options) {
    this.solver = solver;
    this.options = options;
  }

  /**
   * Selects units of {@code qubo} costing at most {@code budget} of {@code cost}, within {@code guards}.
   * When {@code cost} has caps ({@link CappedCost}), each cap's cost over its limit is added with a
   * weight μ, raised (doubled, then bisected) until the solver's own answers meet the caps; every
   * answer is repaired into the caps, and the lowest-energy one in the window wins.
   */
  public Result select(Qubo qubo, MaskCost cost, Budget budget, LayerGuards guards, SolveRequest request) {
    if (qubo.vartype() != Vartype.BINARY) {
      throw new InvalidInputException("The budget search needs a BINARY model");
    }
    if (cost.size() != qubo.numVariables() || guards.numUnits() != qubo.numVariables()) {
      throw new InvalidInputException("The " + cost.name() + " cost covers " + cost.size()
          + " units and the guards " + guards.numUnits() + "; the model has " + qubo.numVariables());
    }
    long t0 = System.nanoTime();
    List<CappedCost.Cap> caps = cost instanceof CappedCost cc ? cc.caps() : List.of();
    List<SearchStep> steps = new ArrayList<>();
    Attempt best = attempt(qubo, cost, budget, guards, request, caps, 0, 0, steps);
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    Attempt last = best;
    for (int k = 1; k < CAP_STEPS && !caps.isEmpty(); k++) {
      double mu;
      if (last.answerExcess() > 0) {
        lo = last.mu();
        mu = Double.isInfinite(hi) ? Math.max(1, 2 * lo) : 0.5 * (lo + hi);
      } else {
        if (last.mu() == 0) {
          break;
        }
        hi = last.mu();
        mu = 0.5 * (lo + hi);
      }
      last = attempt(qubo, cost, budget, guards, request, caps, mu, k * options.maxSteps(), steps);
      if ((last.fits() && !best.fits()) || (last.fits() == best.fits() && last.best().energy() < best.best().energy())) {
        best = last;
      }
    }
    double full = cost.total();
    double limit = budget.limit(full);
    LocalFields sel = best.best();
    double c = cost.value(sel.bits());
    int swaps = options.polish()
        ? BudgetMoves.polish(sel, cost, limit, Math.min(budget.floor(full), c), guards, options.maxSwaps()) : 0;
    boolean[] keep = sel.bits();
    double spent = cost.value(keep);
    if (spent > limit * (1 + 1e-12) || cost.capExcess(keep) > 0 || !guards.satisfiedBy(keep)) {
      throw new IllegalStateException("Budget search ended at " + cost.name() + " " + spent + " > " + limit
          + " or above its caps (" + cost.capExcess(keep) + ")");
    }
    Selection out = new Selection(Mask.of(keep), qubo.energy(keep), ExactK.SEARCH, steps, best.hit(), best.flips(),
        swaps, (System.nanoTime() - t0) / 1e9);
    return new Result(out, best.lambda(), best.model(), spent, full, best.mu());
  }

  /** The λ bisection with the caps' costs weighted by {@code mu} (seeds from {@code seedShift} on). */
  private Attempt attempt(Qubo qubo, MaskCost cost, Budget budget, LayerGuards guards, SolveRequest request,
      List<CappedCost.Cap> caps, double mu, int seedShift, List<SearchStep> steps) {
    double full = cost.total();
    double limit = budget.limit(full);
    double floor = budget.floor(full);
    boolean[] ref = new boolean[qubo.numVariables()];
    Arrays.fill(ref, true);
    LocalFields best = null;
    double bestLambda = Double.NaN;
    Qubo bestModel = null;
    int flips = 0;
    boolean hit = false;
    double answerExcess = 0;
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double lambda = 1;
    for (int step = 0; step < options.maxSteps(); step++) {
      Qubo model = withCost(qubo, cost.around(ref), lambda / full);
      for (CappedCost.Cap cap : caps) {
        if (mu > 0) {
          model = withCost(model, cap.cost().around(ref), mu / cap.limit());
        }
      }
      var answer = CapacitySearch.solveOnce(solver, model, request.withSeed(request.seed() + seedShift + step));
      boolean[] x = CapacitySearch.firstBits(answer);
      double c = cost.value(x);
      answerExcess = cost.capExcess(x);
      steps.add(new SearchStep(lambda, CapacitySearch.count(x), answer.info().properties()));
      boolean inWindow = c <= limit && c >= floor;
      boolean hitNow = inWindow && answerExcess == 0;
      LocalFields s = new LocalFields(qubo, x);
      int f = BudgetMoves.repair(s, cost, limit, floor, guards);
      if (best == null || s.energy() < best.energy() || (hitNow && !hit)) {
        best = s;
        flips = f;
        bestLambda = lambda;
        bestModel = model;
      }
      if (inWindow) {
        hit = hitNow;
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
    boolean fits = budget.within(cost.value(best.bits()), full);
    return new Attempt(best, flips, bestLambda, bestModel, hit, fits, answerExcess, mu);
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
