package io.qprune.api;

import java.util.Arrays;
import java.util.List;

/** Accumulates biases (duplicates add up) and builds an immutable {@link Qubo}. */
public final class QuboBuilder {
  private final Vartype vartype;
  private final int n;
  private final double[] linear;
  private double offset;
  private List<Object> labels;
  private int[] heads = new int[16];
  private int[] tails = new int[16];
  private double[] biases = new double[16];
  private int size;
  private boolean built;

  QuboBuilder(Vartype vartype, int n) {
    if (vartype == null) {
      throw new InvalidInputException("Variable type must be BINARY or SPIN, got null");
    }
    if (n < 0) {
      throw new InvalidInputException("Number of variables must be >= 0, got " + n);
    }
    this.vartype = vartype;
    this.n = n;
    this.linear = new double[n];
  }

  /** Sets the variables' labels (strings, integers or lists of them), one per variable, distinct. */
  public QuboBuilder labels(List<?> labels) {
    List<Object> l = Labels.normalise(labels, n);
    this.labels = Labels.areIndices(l) ? null : l;
    return this;
  }

  /** Adds {@code bias} to the linear bias of variable i. */
  public QuboBuilder addLinear(int i, double bias) {
    checkIndex(i);
    checkFinite(bias, "Linear bias of variable " + i);
    linear[i] += bias;
    return this;
  }

  /** Adds {@code bias} to the interaction (i, j) in either order; i == j is a linear term. */
  public QuboBuilder addQuadratic(int i, int j, double bias) {
    checkIndex(i);
    checkIndex(j);
    checkFinite(bias, "Quadratic bias of (" + i + ", " + j + ")");
    if (i == j) { // x*x = x for BINARY, s*s = 1 for SPIN
      if (vartype == Vartype.BINARY) {
        linear[i] += bias;
      } else {
        offset += bias;
      }
      return this;
    }
    if (size == heads.length) {
      int cap = Math.max(16, size + (size >> 1));
      heads = Arrays.copyOf(heads, cap);
      tails = Arrays.copyOf(tails, cap);
      biases = Arrays.copyOf(biases, cap);
    }
    heads[size] = Math.min(i, j);
    tails[size] = Math.max(i, j);
    biases[size] = bias;
    size++;
    return this;
  }

  /** Adds to the constant term. */
  public QuboBuilder addOffset(double value) {
    checkFinite(value, "Offset");
    offset += value;
    return this;
  }

  /** Builds the model; the builder cannot be used again. */
  public Qubo build() {
    if (built) {
      throw new IllegalStateException("build() was already called on this builder");
    }
    built = true;
    // counting sort by row, then sort each row by column and merge duplicates
    int[] rowCount = new int[n + 1];
    for (int k = 0; k < size; k++) {
      rowCount[heads[k] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      rowCount[i + 1] += rowCount[i];
    }
    int[] fill = Arrays.copyOf(rowCount, n);
    long[] keyed = new long[size]; // (column << 32 | original position) sorts by column, stably
    for (int k = 0; k < size; k++) {
      keyed[fill[heads[k]]++] = ((long) tails[k] << 32) | k;
    }
    int[] rowPtr = new int[n + 1];
    int[] cols = new int[size];
    double[] vals = new double[size];
    int out = 0;
    for (int i = 0; i < n; i++) {
      rowPtr[i] = out;
      int from = rowCount[i];
      int to = rowCount[i + 1];
      Arrays.sort(keyed, from, to);
      for (int p = from; p < to; p++) {
        int col = (int) (keyed[p] >>> 32);
        double v = biases[(int) keyed[p]];
        if (out > rowPtr[i] && cols[out - 1] == col) {
          vals[out - 1] += v;
        } else {
          cols[out] = col;
          vals[out] = v;
          out++;
        }
      }
    }
    rowPtr[n] = out;
    for (int k = 0; k < out; k++) {
      checkFinite(vals[k], "Merged quadratic bias at position " + k);
    }
    for (int i = 0; i < n; i++) {
      checkFinite(linear[i], "Linear bias of variable " + i);
    }
    checkFinite(offset, "Offset");
    heads = tails = null;
    biases = null;
    return new Qubo(vartype, linear.clone(), rowPtr, Arrays.copyOf(cols, out),
        Arrays.copyOf(vals, out), offset, labels);
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= n) {
      throw new InvalidInputException(
          "Variable index " + i + " is out of range [0, " + n + ")");
    }
  }

  private static void checkFinite(double v, String what) {
    if (!Double.isFinite(v)) {
      throw new InvalidInputException(what + " is " + v + "; biases must be finite numbers");
    }
  }
}
