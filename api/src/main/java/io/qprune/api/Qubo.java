package io.qprune.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable binary quadratic model: {@code E(x) = offset + Σ h_i x_i + Σ_{i<j} J_ij x_i x_j}
 * over BINARY ({0,1}) or SPIN ({-1,+1}) variables.
 *
 * <p>The quadratic part is stored once, upper-triangular, in compressed sparse rows (row i holds
 * the interactions (i, j) with j &gt; i, sorted by j). Duplicates are merged when the model is
 * built and diagonal terms are folded into the linear part (or, for SPIN, the offset). A model
 * with 100 000 variables and 1 000 000 interactions takes about 13 MB.
 */
public final class Qubo {
  private final Vartype vartype;
  private final double[] linear;
  private final int[] rowPtr;
  private final int[] cols;
  private final double[] values;
  private final double offset;
  private final List<Object> labels; // null: the labels are the indices 0..n-1
  private volatile Adjacency adjacency;
  private volatile Map<Object, Integer> labelIndex;

  Qubo(Vartype vartype, double[] linear, int[] rowPtr, int[] cols, double[] values, double offset,
      List<Object> labels) {
    this.vartype = vartype;
    this.linear = linear;
    this.rowPtr = rowPtr;
    this.cols = cols;
    this.values = values;
    this.offset = offset;
    this.labels = labels;
  }

  /** Starts a BINARY model over {@code n} variables. */
  public static QuboBuilder builder(int n) {
    return new QuboBuilder(Vartype.BINARY, n);
  }

  /** Starts a model of the given variable type over {@code n} variables. */
  public static QuboBuilder builder(Vartype vartype, int n) {
    return new QuboBuilder(vartype, n);
  }

  /**
   * A BINARY model from a square matrix Q with {@code E(x) = xᵀQx}: diagonal entries become linear
   * biases, and Q[i][j] + Q[j][i] the interaction of i &lt; j.
   */
  public static Qubo fromMatrix(double[][] q) {
    QuboBuilder b = builder(q.length);
    for (int i = 0; i < q.length; i++) {
      if (q[i].length != q.length) {
        throw new InvalidInputException(
            "Matrix row " + i + " has " + q[i].length + " entries; expected " + q.length);
      }
      for (int j = 0; j < q.length; j++) {
        if (q[i][j] != 0.0) {
          b.addQuadratic(i, j, q[i][j]);
        }
      }
    }
    return b.build();
  }

  public Vartype vartype() {
    return vartype;
  }

  public int numVariables() {
    return linear.length;
  }

  /** Number of stored interactions (pairs i &lt; j), including explicit zeros. */
  public int numInteractions() {
    return cols.length;
  }

  public double offset() {
    return offset;
  }

  public double linear(int i) {
    return linear[i];
  }

  /** A copy of the linear biases. */
  public double[] linearBiases() {
    return linear.clone();
  }

  /** The bias of the pair (i, j) in either order, 0 when absent. */
  public double quadratic(int i, int j) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    if (a == b) {
      throw new InvalidInputException("quadratic(" + i + ", " + j + "): a variable has no pair with itself");
    }
    int k = Arrays.binarySearch(cols, rowPtr[a], rowPtr[a + 1], b);
    return k >= 0 ? values[k] : 0.0;
  }

  /** First position of row i in the upper-triangular CSR arrays ({@link #col}, {@link #value}). */
  public int rowStart(int i) {
    return rowPtr[i];
  }

  /** One past the last position of row i. */
  public int rowEnd(int i) {
    return rowPtr[i + 1];
  }

  /** The column (j &gt; row) of the k-th stored interaction. */
  public int col(int k) {
    return cols[k];
  }

  /** The bias of the k-th stored interaction. */
  public double value(int k) {
    return values[k];
  }

  /** Calls {@code consumer} once per stored interaction, in (i, j) order with i &lt; j. */
  public void forEachInteraction(InteractionConsumer consumer) {
    for (int i = 0; i < linear.length; i++) {
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        consumer.accept(i, cols[k], values[k]);
      }
    }
  }

  /** Receives one interaction (i &lt; j) and its bias. */
  @FunctionalInterface
  public interface InteractionConsumer {
    void accept(int i, int j, double bias);
  }

  /** The symmetric neighbourhood structure (each interaction seen from both ends), built once. */
  public Adjacency adjacency() {
    Adjacency a = adjacency;
    if (a == null) {
      a = Adjacency.of(this);
      adjacency = a;
    }
    return a;
  }

  /** Whether the variables carry labels other than their indices. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** The label of variable i (its index when the model has no labels). */
  public Object label(int i) {
    Objects.checkIndex(i, linear.length);
    return labels == null ? Integer.valueOf(i) : labels.get(i);
  }

  /** All labels, in variable order (the indices when the model has no labels). */
  public List<Object> labels() {
    if (labels != null) {
      return labels;
    }
    List<Object> l = new ArrayList<>(linear.length);
    for (int i = 0; i < linear.length; i++) {
      l.add(i);
    }
    return Collections.unmodifiableList(l);
  }

  /** The index of a label, or -1. */
  public int indexOf(Object label) {
    if (labels == null) {
      if (label instanceof Number) {
        long v = ((Number) label).longValue();
        return v >= 0 && v < linear.length ? (int) v : -1;
      }
      return -1;
    }
    Map<Object, Integer> m = labelIndex;
    if (m == null) {
      m = new HashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        m.put(Labels.key(labels.get(i)), i);
      }
      labelIndex = m;
    }
    return m.getOrDefault(Labels.key(label), -1);
  }

  /** The energy of an assignment given as values of this model's vartype (0/1 or -1/+1). */
  public double energy(int[] x) {
    checkAssignment(x);
    double e = offset;
    for (int i = 0; i < linear.length; i++) {
      int xi = x[i];
      if (xi == 0) {
        continue;
      }
      double row = linear[i];
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        row += values[k] * x[cols[k]];
      }
      e += xi * row;
    }
    return e;
  }

  /** The energy of an assignment given as bits: bit set means 1 (BINARY) or +1 (SPIN). */
  public double energy(boolean[] bits) {
    if (bits.length != linear.length) {
      throw new InvalidInputException(
          "Assignment has " + bits.length + " values; the model has " + linear.length + " variables");
    }
    int[] x = new int[bits.length];
    for (int i = 0; i < bits.length; i++) {
      x[i] = vartype.value(bits[i]);
    }
    return energy(x);
  }

  private void checkAssignment(int[] x) {
    if (x.length != linear.length) {
      throw new InvalidInputException(
          "Assignment has " + x.length + " values; the model has " + linear.length + " variables");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] != vartype.low() && x[i] != vartype.high()) {
        throw new InvalidInputException("Value " + x[i] + " of variable " + i + " is not a "
            + vartype + " value (" + vartype.low() + " or " + vartype.high() + ")");
      }
    }
  }

  /** The same energy function over the other variable type (exact, up to rounding). */
  public Qubo toVartype(Vartype target) {
    if (target == vartype) {
      return this;
    }
    int n = linear.length;
    double[] lin = new double[n];
    double[] vals = new double[values.length];
    double off = offset;
    if (target == Vartype.BINARY) { // s = 2x - 1
      for (int i = 0; i < n; i++) {
        lin[i] += 2 * linear[i];
        off -= linear[i];
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          double jv = values[k];
          vals[k] = 4 * jv;
          lin[i] -= 2 * jv;
          lin[cols[k]] -= 2 * jv;
          off += jv;
        }
      }
    } else { // x = (s + 1) / 2
      for (int i = 0; i < n; i++) {
        lin[i] += linear[i] / 2;
        off += linear[i] / 2;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          double q = values[k] / 4;
          vals[k] = q;
          lin[i] += q;
          lin[cols[k]] += q;
          off += q;
        }
      }
    }
    return new Qubo(target, lin, rowPtr, cols, vals, off, labels);
  }

  /** This model as a BINARY one. */
  public Qubo toBinary() {
    return toVartype(Vartype.BINARY);
  }

  /** This model as a SPIN one. */
  public Qubo toSpin() {
    return toVartype(Vartype.SPIN);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Qubo)) {
      return false;
    }
    Qubo q = (Qubo) o;
    return vartype == q.vartype
        && Double.compare(offset, q.offset) == 0
        && Arrays.equals(linear, q.linear)
        && Arrays.equals(rowPtr, q.rowPtr)
        && Arrays.equals(cols, q.cols)
        && Arrays.equals(values, q.values)
        && labels().equals(q.labels());
  }

  @Override
  public int hashCode() {
    return Objects.hash(vartype, offset, Arrays.hashCode(linear), Arrays.hashCode(cols),
        Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "Qubo[" + vartype + ", " + linear.length + " variables, " + cols.length
        + " interactions, offset " + offset + "]";
  }
}
