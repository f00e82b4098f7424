package io.qprune.solvers.local.nsga;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything an NSGA-II run carries from one generation to the next. With each generation's
 * random numbers derived from (seed, generation), this is all a checkpoint must hold to resume
 * exactly.
 */
final class Nsga2State<G> {
  final long seed;
  /** Populations formed so far: 1 after the initial one. */
  int steps;
  int stall;
  /** The adaptive SparseEA operators' current flip rate. */
  double flipRate;
  List<G> population = new ArrayList<>();
  List<double[]> objectives = new ArrayList<>();
  final GenomeCache cache = new GenomeCache();
  final List<Double> hypervolume = new ArrayList<>();

  Nsga2State(long seed, double flipRate) {
    this.seed = seed;
    this.flipRate = flipRate;
  }
}
