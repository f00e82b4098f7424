package io.qprune.solvers.local.internal;

import io.qprune.api.Cardinality;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Vartype;

/** Checks user-given starting states against the model and turns them into binary states. */
public final class InitialStates {
  private final byte[][] states;

  private InitialStates(byte[][] states) {
    this.states = states;
  }

  /** No starting states: every read starts at random. */
  public static InitialStates none() {
    return new InitialStates(new byte[0][]);
  }

  /**
   * Parses rows of model values (0/1 for BINARY, −1/+1 for SPIN); null gives {@link #none()}.
   * With a cardinality constraint every row must satisfy it.
   */
  public static InitialStates parse(String solver, int[][] rows, BinaryForm m, Cardinality c) {
    if (rows == null) {
      return none();
    }
    Vartype vt = m.source.vartype();
    byte[][] out = new byte[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != m.n) {
        throw new InvalidInputException("Initial state " + r + " of solver '" + solver + "' has "
            + rows[r].length + " values; the model has " + m.n + " variables");
      }
      for (int i = 0; i < m.n; i++) {
        int v = rows[r][i];
        if (v != vt.low() && v != vt.high()) {
          throw new InvalidInputException("Initial state " + r + " of solver '" + solver
              + "' gives variable " + i + " the value " + v + "; a " + vt + " model takes "
              + vt.low() + " or " + vt.high());
        }
      }
      if (c != null && !c.isSatisfiedBy(rows[r], vt)) {
        throw new InvalidInputException("Initial state " + r + " of solver '" + solver
            + "' does not satisfy " + c + "; give states that keep the required counts, or none");
      }
      out[r] = m.bits(rows[r]);
    }
    return new InitialStates(out);
  }

  public int size() {
    return states.length;
  }

  /** A copy of the state for read r, or null when read r starts at random. */
  public byte[] forRead(long r) {
    return r < states.length ? states[(int) r].clone() : null;
  }
}
