package io.qprune.solvers.local.tabu;

import io.qprune.api.Cardinality;
import io.qprune.solvers.local.internal.BinaryForm;
import io.qprune.solvers.local.internal.Deadline;
import io.qprune.solvers.local.internal.Rng;
import io.qprune.solvers.local.internal.SwapMoves;
import io.qprune.solvers.local.internal.SwapSpace;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tabu search that keeps exactly the required number of set variables (per group): each move is
 * the best candidate swap of a non-tabu set variable with a non-tabu clear one of its group (see
 * {@link SwapMoves}); both become tabu (for the tenure plus a random extra, as in
 * {@link FlipTabu}). A new best state is polished by swap descent. Restarts
 * apply {@code max(2, 0.1 k)} random swaps to the current state.
 */
final class SwapTabu extends TabuRun {
  private final double[] field;
  private final long[] tabuUntil;
  private final SwapSpace space;
  private final SwapMoves moves;
  private final int tenure;
  private long iter;

  SwapTabu(BinaryForm m, Cardinality card, byte[] start, Rng rng, Deadline stop, double target,
      AtomicBoolean targetHit, int tenure) {
    super(m, start, rng, stop, target, targetHit);
    this.tenure = tenure;
    this.field = new double[n];
    m.fields(x, field);
    this.tabuUntil = new long[n];
    this.space = SwapSpace.of(card, x);
    this.moves = new SwapMoves(space.numGroups());
  }

  @Override
  void search(long zmax) {
    if (!space.canMove()) {
      return;
    }
    java.util.Arrays.fill(tabuUntil, 0);
    iter = 0;
    long z = 0;
    int poll = pollEvery();
    while (z < zmax) {
      if (iter % poll == 0 && shouldStop()) {
        return;
      }
      z += n;
      iter++;
      if (!moves.findBest(m, field, space, tabuUntil, iter)) {
        continue;
      }
      int i = moves.bestI;
      int j = moves.bestJ;
      energy += moves.bestDelta;
      SwapMoves.apply(m, x, field, space, i, j);
      super.moves++;
      tabuUntil[i] = iter + tenure + rng.nextInt(Math.max(3, tenure / 2));
      tabuUntil[j] = iter + tenure + rng.nextInt(Math.max(3, tenure / 2));
      if (energy < bestEnergy - 1e-9 * (1 + Math.abs(bestEnergy))) {
        SwapMoves.descend(m, x, field, space, n);
        energy = m.energy(x);
        record();
      }
    }
  }

  @Override
  void load(byte[] state) {
    for (int i = 0; i < n; i++) {
      if (state[i] != x[i] && x[i] == 1) {
        for (int j = 0; j < n; j++) { // pair each dropped variable with an added one of its group
          if (state[j] != x[j] && x[j] == 0 && space.group(j) == space.group(i)) {
            SwapMoves.apply(m, x, field, space, i, j);
            break;
          }
        }
      }
    }
    m.fields(x, field);
    energy = m.energy(x);
  }

  @Override
  void perturb() {
    if (!space.canMove()) {
      return;
    }
    int swaps = Math.max(2, space.numMovableOnes() / 10);
    for (int s = 0; s < swaps; s++) {
      int i = space.randomOne(rng);
      int j = space.randomZeroBeside(i, rng);
      SwapMoves.apply(m, x, field, space, i, j);
    }
    m.fields(x, field);
    energy = m.energy(x);
  }
}
