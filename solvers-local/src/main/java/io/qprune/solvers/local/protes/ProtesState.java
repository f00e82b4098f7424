package io.qprune.solvers.local.protes;

import io.qprune.api.blackbox.BlackBoxResult.Improvement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a PROTES run carries from one iteration to the next. With each iteration's random
 * numbers derived from (seed, iteration), this is all a checkpoint must hold to resume exactly.
 */
final class ProtesState {
  final long seed;
  int iteration;
  int stall;
  TensorTrain train;
  Adam adam;
  final PointCache cache;
  int[] best;
  double bestValue = Double.POSITIVE_INFINITY;
  final List<Improvement> trace;

  ProtesState(long seed, TensorTrain train, Adam adam, PointCache cache, List<Improvement> trace) {
    this.seed = seed;
    this.train = train;
    this.adam = adam;
    this.cache = cache;
    this.trace = new ArrayList<>(trace);
  }

  long evaluations() {
    return cache.size();
  }

  /** Records a newly evaluated point, and an improvement when it beats the best. */
  void record(int[] x, double value) {
    cache.put(x, value);
    if (value < bestValue) {
      bestValue = value;
      best = x.clone();
      trace.add(new Improvement(cache.size(), value));
    }
  }
}
