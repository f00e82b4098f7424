package io.qprune.formulation.prune;

import io.qprune.api.Capability;
import io.qprune.api.Qubo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.capacity.BudgetBaselines;
import io.qprune.formulation.capacity.BudgetSearch;
import io.qprune.formulation.capacity.CapacitySearch;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.MaskCost;
import io.qprune.formulation.capacity.ExactK;
import io.qprune.formulation.capacity.LayerGuards;
import io.qprune.formulation.capacity.Selection;
import io.qprune.formulation.importance.ScoreKind;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.qubo.HybridQubo;
import io.qprune.formulation.qubo.L1PenaltyQubo;
import io.qprune.formulation.qubo.TopK;
import java.util.List;
import java.util.Set;

/**
 * Turns scores into a mask keeping exactly k units with one {@link Method}: builds its QUBO and
 * hands it to a solver through the capacity search, or ranks greedily. Knows solvers only as
 * {@link Solver} plus their declared capabilities.
 */
public final class Pruner {
  private final Solver solver;
  private final Set<Capability> capabilities;

  /** A pruner handing QUBOs to {@code solver}, within the capabilities the solver declares. */
  public Pruner(Solver solver) {
    this(solver, solver.capabilities());
  }

  /** A pruner that treats {@code solver} as having exactly {@code capabilities}. */
  public Pruner(Solver solver, Set<Capability> capabilities) {
    this.solver = solver;
    this.capabilities = Set.copyOf(capabilities);
  }

  /** Selects units; {@code request} carries the solver's seed and time limit per call. */
  public Pruned prune(ScoreSet scores, PruneSettings s, SolveRequest request) {
    return prune(scores, s, request, null);
  }

  /**
   * Selects units; under the settings' budget the mask's {@code cost} (of the budget's kind, over
   * the scores' units) is at most the budget and, where units fit, within its tolerance of it.
   */
  public Pruned prune(ScoreSet scores, PruneSettings s, SolveRequest request, MaskCost cost) {
    if (s.budget() != null) {
      return budgeted(scores, s, request, cost);
    }
    if (s.method() == Method.HALP) {
      throw new InvalidInputException("The halp knapsack needs a budget (--flops or --params), not a unit count");
    }
    int n = scores.layout().size();
    int k = s.keep(n);
    LayerGuards guards = s.guards(scores.layout());
    long t0 = System.nanoTime();
    if (s.method() == Method.TAYLOR || s.method() == Method.L1 || s.method() == Method.FISHER) {
      boolean[] keep = TopK.select(scores.normalised(ranking(s.method()), s.normalisation()), k, guards);
      double secs = (System.nanoTime() - t0) / 1e9;
      Selection sel = new Selection(Mask.of(keep), Double.NaN, null, List.of(), true, 0, 0, secs);
      return new Pruned(s.method(), null, 0, sel);
    }
    Qubo q;
    CapacitySearch search;
    if (s.method() == Method.L1_QUBO) {
      q = L1PenaltyQubo.build(scores, s.normalisation(), k);
      search = new CapacitySearch(solver, capabilities, s.capacity().withMode(ExactK.PENALTY));
    } else {
      double beta = s.method() == Method.LINEAR ? 0 : s.beta();
      q = HybridQubo.build(scores, s.normalisation(), s.alpha(), beta, s.redundancy());
      search = new CapacitySearch(solver, capabilities, s.capacity());
    }
    double build = (System.nanoTime() - t0) / 1e9;
    return new Pruned(s.method(), q, build, search.select(q, k, guards, request));
  }

  private Pruned budgeted(ScoreSet scores, PruneSettings s, SolveRequest request, MaskCost cost) {
    Budget b = s.budget();
    if (cost == null) {
      throw new InvalidInputException("A " + b.kind() + " budget needs the network's " + b.kind()
          + " cost. Maybe prune a shipped network, or give a \"cost\" field in the scores file.");
    }
    int n = scores.layout().size();
    if (cost.size() != n) {
      throw new InvalidInputException("The " + cost.name() + " cost covers " + cost.size()
          + " units, the scores " + n);
    }
    LayerGuards guards = s.guards(scores.layout());
    long t0 = System.nanoTime();
    double full = cost.total();
    switch (s.method()) {
      case TAYLOR, L1, FISHER, HALP -> {
        double[] score = scores.normalised(s.method() == Method.HALP ? ScoreKind.TAYLOR : ranking(s.method()),
            s.normalisation());
        boolean[] keep = s.method() == Method.HALP ? BudgetBaselines.knapsack(score, cost, b, guards)
            : BudgetBaselines.greedy(score, cost, b, guards);
        double secs = (System.nanoTime() - t0) / 1e9;
        Selection sel = new Selection(Mask.of(keep), Double.NaN, null, List.of(), b.within(cost.value(keep), full),
            0, 0, secs);
        return new Pruned(s.method(), null, 0, sel, Double.NaN, cost.value(keep) / full);
      }
      case L1_QUBO -> throw new InvalidInputException(
          "l1-qubo is built around a unit count; under a budget use l1 (greedy L1) or hybrid");
      default -> {
        double beta = s.method() == Method.LINEAR ? 0 : s.beta();
        Qubo q = HybridQubo.build(scores, s.normalisation(), s.alpha(), beta, s.redundancy());
        double build = (System.nanoTime() - t0) / 1e9;
        BudgetSearch.Result r = new BudgetSearch(solver, s.capacity()).select(q, cost, b, guards, request);
        return new Pruned(s.method(), r.budgeted(), build, r.selection(), r.lambda(), r.cost() / r.full());
      }
    }
  }

  /** The score a greedy ranking method sorts by. */
  private static ScoreKind ranking(Method m) {
    return m == Method.L1 ? ScoreKind.L1 : m == Method.FISHER ? ScoreKind.FISHER : ScoreKind.TAYLOR;
  }
}
