package io.qprune.formulation.capacity;

import io.qprune.api.Capability;
import io.qprune.api.Cardinality;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Vartype;
import io.qprune.formulation.model.Mask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Selects exactly k units of a BINARY pruning QUBO with any solver (spec: dynamic capacity
 * search): bisect a uniform offset μ·Σx until the solver keeps k units (or use the solver's own
 * cardinality constraint), repair the best answer to exactly k within the layer guards, then
 * polish it with swaps along the slice. Whatever the solver returns, the mask keeps k units.
 */
public final class CapacitySearch {
  private final Solver solver;
  private final Set<Capability> capabilities;
  private final CapacityOptions options;

  /** {@code capabilities}: what the solver declares (decides NATIVE and AUTO). */
  public CapacitySearch(Solver solver, Set<Capability> capabilities, CapacityOptions options) {
    this.solver = solver;
    this.capabilities = Set.copyOf(capabilities);
    this.options = options;
  }

  /** Selects exactly {@code k} units of {@code qubo} within {@code guards}. */
  public Selection select(Qubo qubo, int k, LayerGuards guards, SolveRequest request) {
    if (qubo.vartype() != Vartype.BINARY) {
      throw new InvalidInputException("The capacity search needs a BINARY model");
    }
    if (guards.numUnits() != qubo.numVariables()) {
      throw new InvalidInputException("The guards cover " + guards.numUnits()
          + " units, the model has " + qubo.numVariables());
    }
    guards.checkFeasible(k);
    long t0 = System.nanoTime();
    ExactK mode = options.mode();
    if (mode == ExactK.AUTO) {
      mode = capabilities.contains(Capability.CARDINALITY) ? ExactK.NATIVE : ExactK.SEARCH;
    }
    if (mode == ExactK.NATIVE && !capabilities.contains(Capability.CARDINALITY)) {
      throw new InvalidInputException("Solver '" + solver.name() + "' has no exact-cardinality"
          + " constraint. Maybe use exact_k: search (works with any solver).");
    }
    List<SearchStep> steps = new ArrayList<>();
    LocalFields best = null;
    boolean hit = false;
    int flips = 0;
    if (mode == ExactK.SEARCH) {
      double bound = bound(qubo);
      double lo = -bound;
      double hi = bound;
      for (int step = 0; step < options.maxSteps(); step++) {
        double mu = 0.5 * (lo + hi);
        SampleSet answer = solveOnce(solver, shifted(qubo, mu), request.withSeed(request.seed() + step));
        boolean[] x = firstBits(answer);
        int c = count(x);
        steps.add(new SearchStep(mu, c, answer.info().properties()));
        LocalFields s = new LocalFields(qubo, x);
        int f = Repair.toExactly(s, k, guards);
        if (best == null || s.energy() < best.energy() || (c == k && s.energy() <= best.energy() + 1e-9 * (1 + Math.abs(best.energy())))) {
          best = s;
          flips = f;
        }
        if (c == k) {
          hit = true;
          break;
        }
        if (c > k) {
          lo = mu;
        } else {
          hi = mu;
        }
        if (hi - lo <= 1e-12 * bound) {
          break;
        }
      }
    } else {
      SolveRequest r = mode == ExactK.NATIVE ? request.withCardinality(Cardinality.exactly(k)) : request;
      SampleSet answer = solveOnce(solver, qubo, r);
      boolean[] x = firstBits(answer);
      int c = count(x);
      steps.add(new SearchStep(0, c, answer.info().properties()));
      hit = c == k;
      best = new LocalFields(qubo, x);
      flips = Repair.toExactly(best, k, guards);
    }
    int swaps = options.polish() ? SwapPolish.run(best, guards, options.maxSwaps()) : 0;
    boolean[] keep = best.bits();
    if (count(keep) != k || !guards.satisfiedBy(keep)) {
      throw new IllegalStateException("Capacity search ended with " + count(keep) + " units, not " + k);
    }
    return new Selection(Mask.of(keep), qubo.energy(keep), mode, steps, hit, flips, swaps,
        (System.nanoTime() - t0) / 1e9);
  }

  /** One solver call (a wrong-sized or empty answer is a solver failure). */
  static SampleSet solveOnce(Solver solver, Qubo model, SolveRequest request) {
    SampleSet set = solver.solve(model, request);
    if (set.numVariables() != model.numVariables()) {
      throw new io.qprune.api.SolverFailedException("Solver '" + solver.name() + "' answered with "
          + set.numVariables() + " variables for a model of " + model.numVariables());
    }
    set.first(); // an empty answer is a solver failure
    return set;
  }

  /** The first sample of an answer as bits. */
  static boolean[] firstBits(SampleSet set) {
    boolean[] x = new boolean[set.numVariables()];
    for (int i = 0; i < x.length; i++) {
      x[i] = set.bit(0, i);
    }
    return x;
  }

  /** Above this |μ| the offset alone decides every variable, whatever the others do. */
  static double bound(Qubo q) {
    double[] row = new double[q.numVariables()];
    for (int i = 0; i < row.length; i++) {
      row[i] = Math.abs(q.linear(i));
    }
    q.forEachInteraction((i, j, w) -> {
      row[i] += Math.abs(w);
      row[j] += Math.abs(w);
    });
    double b = 0;
    for (double r : row) {
      b = Math.max(b, r);
    }
    return b * 1.01 + 1e-9;
  }

  /** {@code q} with μ added to every linear bias. */
  static Qubo shifted(Qubo q, double mu) {
    QuboBuilder b = Qubo.builder(q.numVariables()).labels(q.labels());
    for (int i = 0; i < q.numVariables(); i++) {
      b.addLinear(i, q.linear(i) + mu);
    }
    q.forEachInteraction(b::addQuadratic);
    b.addOffset(q.offset());
    return b.build();
  }

  static int count(boolean[] x) {
    int c = 0;
    for (boolean b : x) {
      c += b ? 1 : 0;
    }
    return c;
  }
}
