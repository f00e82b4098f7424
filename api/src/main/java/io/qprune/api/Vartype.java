package io.qprune.api;

/** The domain of a model's variables: {0, 1} for QUBOs, {-1, +1} for Ising models. */
public enum Vartype {
  BINARY(0, 1),
  SPIN(-1, 1);

  private final int low;
  private final int high;

  Vartype(int low, int high) {
    this.low = low;
    this.high = high;
  }

  /** The value a cleared bit stands for. */
  public int low() {
    return low;
  }

  /** The value a set bit stands for. */
  public int high() {
    return high;
  }

  /** Maps a stored bit to the variable's value in this domain. */
  public int value(boolean bit) {
    return bit ? high : low;
  }

  /** Parses a name case-insensitively, with dimod's aliases. */
  public static Vartype parse(String name) {
    switch (name.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "BINARY":
      case "QUBO":
        return BINARY;
      case "SPIN":
      case "ISING":
        return SPIN;
      default:
        throw new InvalidInputException(
            "Unknown variable type '" + name + "'. Expected BINARY or SPIN.");
    }
  }
}
