package io.qprune.api;

/**
 * The symmetric neighbourhood of every variable of a {@link Qubo}: each interaction (i, j) is
 * listed under i and under j. Solvers copy the arrays once into their own hot-loop layout.
 */
public final class Adjacency {
  private final int[] start;
  private final int[] neighbours;
  private final double[] weights;

  private Adjacency(int[] start, int[] neighbours, double[] weights) {
    this.start = start;
    this.neighbours = neighbours;
    this.weights = weights;
  }

  static Adjacency of(Qubo q) {
    int n = q.numVariables();
    int[] deg = new int[n + 1];
    for (int i = 0; i < n; i++) {
      for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
        deg[i + 1]++;
        deg[q.col(k) + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      deg[i + 1] += deg[i];
    }
    int[] fill = java.util.Arrays.copyOf(deg, n);
    int m = deg[n];
    int[] nb = new int[m];
    double[] w = new double[m];
    // rows are visited in increasing i and columns increase within a row, so every list ends sorted
    for (int i = 0; i < n; i++) {
      for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
        int j = q.col(k);
        nb[fill[j]] = i;
        w[fill[j]++] = q.value(k);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
        nb[fill[i]] = q.col(k);
        w[fill[i]++] = q.value(k);
      }
    }
    return new Adjacency(deg, nb, w);
  }

  public int numVariables() {
    return start.length - 1;
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return start[i + 1];
  }

  public int degree(int i) {
    return start[i + 1] - start[i];
  }

  public int neighbour(int k) {
    return neighbours[k];
  }

  public double weight(int k) {
    return weights[k];
  }

  /** A copy of the row offsets (length n + 1). */
  public int[] offsets() {
    return start.clone();
  }

  /** A copy of the neighbour indices (length 2 × interactions). */
  public int[] neighbourIndices() {
    return neighbours.clone();
  }

  /** A copy of the weights aligned with {@link #neighbourIndices()}. */
  public double[] neighbourWeights() {
    return weights.clone();
  }
}
