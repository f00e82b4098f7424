package io.qprune.formulation.evolve;

/** Progress of an evolutionary pruning run. */
public interface EvolveListener {
  EvolveListener NONE = new EvolveListener() {};

  /** A phase starts (1 or 2) with its evaluation budget and the evaluations already done in it. */
  default void phaseStarted(int phase, long budget, long done) {}

  /** A generation of {@code phase} ended: distinct evaluations so far in that phase, front hypervolume. */
  default void generation(int phase, int generation, long evaluations, double hypervolume) {}

  /** Free-text news (anchors chosen, phase skipped, test evaluation). */
  default void note(String text) {}
}
