package io.qprune.solvers.local.tabu;

import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Rng;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One read of multistart tabu search in Palubeckis' MST2 shape: a long tabu search from the start
 * state, then repeatedly perturb the current state and run a shorter tabu search from it, keeping
 * the best state ever seen. Subclasses supply the move type (single flips or swaps).
 */
abstract class TabuRun {
  final BinaryForm m;
  final int n;
  final byte[] x;
  final Rng rng;
  final Deadline stop;
  final double target;
  final AtomicBoolean targetHit;
  final long t0Nanos;
  double energy;
  double bestEnergy = Double.POSITIVE_INFINITY;
  byte[] bestX;
  double bestSeconds;
  long moves;
  long restarts;
  boolean stopped;

  TabuRun(BinaryForm m, byte[] start, Rng rng, Deadline stop, double target, AtomicBoolean targetHit) {
    this.m = m;
    this.n = m.n;
    this.x = start;
    this.rng = rng;
    this.stop = stop;
    this.target = target;
    this.targetHit = targetHit;
    this.t0Nanos = stop.budget().elapsedNanos();
  }

  /**
   * Runs MST2: first search, then perturb-and-search until the stop, restart cap or target. Each
   * restart perturbs the current state (Palubeckis), or with probability {@code fromBest} the best
   * state found so far (an elite restart).
   */
  final void run(long zFirst, long zRestart, long maxRestarts, double fromBest) {
    energy = m.energy(x);
    record();
    search(zFirst);
    while (n > 0 && !shouldStop() && restarts < maxRestarts) {
      restarts++;
      if (fromBest > 0 && rng.nextDouble() < fromBest) {
        load(bestX);
      }
      perturb();
      search(zRestart);
    }
  }

  /** Tabu search from the current state for about {@code zmax} move evaluations. */
  abstract void search(long zmax);

  /** Makes the given state current. */
  abstract void load(byte[] state);

  /** Moves the current state somewhere promising but different. */
  abstract void perturb();

  /** Saves the current state as the best ever. */
  final void record() {
    bestEnergy = energy;
    bestX = x.clone();
    bestSeconds = stop.budget().elapsedSeconds();
    if (energy <= target) {
      targetHit.set(true);
    }
  }

  /** Polled every few moves: the deadline passed, or this or another read reached the target. */
  final boolean shouldStop() {
    if (!stopped && (targetHit.get() || stop.passed())) {
      stopped = true;
    }
    return stopped;
  }

  /** How many moves to make between polls of {@link #shouldStop}: about 64k evaluations. */
  final int pollEvery() {
    return Math.max(1, (1 << 16) / Math.max(1, n));
  }

  /** The tabu tenure: {@code min(20, n/4)} unless given. */
  static int tenure(Integer given, int n) {
    return given != null ? given : Math.min(20, n / 4);
  }
}
