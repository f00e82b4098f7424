package io.qprune.formulation.capacity;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** How a solver is made to keep exactly k units. */
public enum ExactK {
  /** Bisection on a uniform linear offset μ (works with any solver, local or remote). */
  SEARCH,
  /** The solver's own exact-cardinality constraint (only for solvers declaring CARDINALITY). */
  NATIVE,
  /** NATIVE when the solver declares CARDINALITY, else SEARCH. */
  AUTO,
  /** One solve of the model as it is (for models that carry their own penalty), then repair. */
  PENALTY;

  /** Parses search, native, auto or penalty. */
  public static ExactK parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Unknown exact-k mode '" + text + "'. Maybe use search, native, auto or penalty.", e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
