package io.qprune.solvers.remote.embedding;

/**
 * A D-Wave lattice family (Pegasus, Zephyr) of one size: its full graph and the geometry of each
 * qubit as a straight segment: orientation (0 vertical, 1 horizontal), the track it lies on (its
 * perpendicular coordinate), the line it belongs to (qubits of one line are chained end to end by
 * external couplers) and the interval [from, to) it spans along its direction. Crossing segments of
 * opposite orientations share an internal coupler, which is what clique embeddings build on.
 */
public interface Lattice {
  /** For example {@code pegasus(16)}. */
  String name();

  /** The full-yield graph, labelled by linear index as dwave-networkx does. */
  HardwareGraph graph();

  /** The largest linear index plus one. */
  int indexSpace();

  /** The segment of a qubit (linear index), or null when the index is not a qubit of the lattice. */
  Segment segment(int qubit);

  /** One qubit as a segment; {@code position} orders the qubits of a line. */
  record Segment(int orientation, int track, long line, int position, int from, int to) {
    /** Whether this segment covers coordinate c along its direction. */
    public boolean covers(int c) {
      return from <= c && c < to;
    }
  }

  /**
   * The lattice whose graph contains a solver's working graph, from its {@code properties}
   * ({@code topology: {type, shape}}), or null when the type is not Pegasus or Zephyr.
   */
  static Lattice of(String type, int[] shape) {
    if ("pegasus".equalsIgnoreCase(type) && shape.length >= 1) {
      return Pegasus.of(shape[0]);
    }
    if ("zephyr".equalsIgnoreCase(type) && shape.length >= 1) {
      return Zephyr.of(shape[0], shape.length > 1 ? shape[1] : 4);
    }
    return null;
  }
}
