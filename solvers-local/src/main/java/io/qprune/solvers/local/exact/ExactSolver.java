package io.qprune.solvers.local.exact;

import io.qprune.api.Budget;
import io.qprune.api.Cardinality;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SampleSetBuilder;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.SolverFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Enumerates all 2^n states in chunks (the top bits fixed per chunk, the rest in Gray-code
 * order) on several threads, and returns the lowest-energy ones. Ties break towards the smaller
 * state number, so the result does not depend on the thread count. Stops early, and says so in
 * the info ({@code complete: false}), when the time limit or a cancellation arrives.
 */
final class ExactSolver implements Solver {
  private final int maxVariables;
  private final int numStates;
  private final int numThreads;

  ExactSolver(int maxVariables, int numStates, int numThreads) {
    this.maxVariables = maxVariables;
    this.numStates = numStates;
    this.numThreads = numThreads;
  }

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public SampleSet solve(Qubo q, SolveRequest request) {
    int n = q.numVariables();
    if (n > maxVariables) {
      throw new InvalidInputException("The model has " + n + " variables; the exact solver enumerates"
          + " 2^n states and is limited to " + maxVariables + " (parameter max_variables, at most "
          + ExactSolverProvider.HARD_MAX + "). Maybe use a heuristic solver such as sa or tabu.");
    }
    Budget budget = request.startBudget();
    Cardinality c = request.cardinality();
    int topBits = Math.min(n, Math.min(8, Math.max(0, n - 10)));
    int chunks = 1 << topBits;
    GrayCodeChunk.Model m = GrayCodeChunk.Model.of(q, c);
    int threads = numThreads > 0 ? numThreads : Runtime.getRuntime().availableProcessors();
    threads = Math.max(1, Math.min(threads, chunks));
    List<GrayCodeChunk.Result> results = new ArrayList<>();
    if (threads == 1) {
      for (int k = 0; k < chunks; k++) {
        results.add(GrayCodeChunk.run(m, k, n - topBits, numStates, budget));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "qprune-exact");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<GrayCodeChunk.Result>> futures = new ArrayList<>();
        for (int k = 0; k < chunks; k++) {
          final int chunk = k;
          futures.add(pool.submit(() -> GrayCodeChunk.run(m, chunk, n - topBits, numStates, budget)));
        }
        for (Future<GrayCodeChunk.Result> f : futures) {
          results.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SolverFailedException("Interrupted while enumerating", e);
      } catch (ExecutionException e) {
        throw new SolverFailedException("Enumeration failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    GrayCodeChunk.Result best = GrayCodeChunk.Result.merge(results, numStates);
    boolean complete = results.stream().allMatch(r -> r.complete);
    long visited = results.stream().mapToLong(r -> r.visited).sum();
    if (best.size == 0 && c != null && complete) {
      throw new InvalidInputException("No assignment satisfies " + c);
    }
    SampleSetBuilder b = SampleSet.builder(q);
    int[] x = new int[n];
    for (int r = 0; r < best.size; r++) {
      long state = best.states[r];
      for (int i = 0; i < n; i++) {
        x[i] = q.vartype().value((state >>> i & 1L) != 0);
      }
      b.add(x, q.energy(x), 1);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("complete", complete);
    props.put("states_visited", visited);
    props.put("threads", threads);
    props.put("seed", request.seed());
    double total = budget.elapsedSeconds();
    return b.info(new SolveInfo("exact", total, total, props)).build();
  }
}
