package io.qprune.solvers.local.internal;

/**
 * A Markov chain of the replica methods as their outer loops see it: a binary state with its
 * running energy, moved by sweeps at a {@link Rung}'s temperature and by single tracked flips
 * (cluster moves). {@link Chain} is the general one; {@link IntChain} the fast one for
 * whole-number models.
 */
public interface Replica {
  /** The running energy (of the source model; exact for whole-number models). */
  double energy();

  /** The current bits (read-only by convention: callers copy before keeping them). */
  byte[] bits();

  /** One Metropolis sweep at the rung's temperature. */
  void sweep(Rung rung);

  /** Flips variable i, updating fields and energy. */
  void flipAndTrack(int i);

  /** Lowers the state to a local minimum. */
  void quench();

  /** An independent copy of this replica's state with a fresh random stream. */
  Replica copy(long seed);
}
