package io.qprune.formulation.prune;

import io.qprune.api.Capability;
import io.qprune.api.Qubo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.formulation.capacity.CapacitySearch;
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

  public Pruner(Solver solver, Set<Capability> capabilities) {
    this.solver = solver;
    this.capabilities = Set.copyOf(capabilities);
  }

  /** Selects units; {@code request} carries the solver's seed and time limit per call. */
  public Pruned prune(ScoreSet scores, PruneSettings s, SolveRequest request) {
    int n = scores.layout().size();
    int k = s.keep(n);
    LayerGuards guards = LayerGuards.of(scores.layout(), s.minUnitsPerLayer(), s.maxLayerPrune());
    long t0 = System.nanoTime();
    if (s.method() == Method.TAYLOR) {
      boolean[] keep = TopK.select(scores.normalised(ScoreKind.TAYLOR, s.normalisation()), k, guards);
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
}
