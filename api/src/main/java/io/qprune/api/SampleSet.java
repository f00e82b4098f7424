package io.qprune.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The immutable result of a solve: samples stored as packed bits, with energies and occurrence
 * counts, sorted by increasing energy (ties keep their insertion order), plus {@link SolveInfo}.
 */
public final class SampleSet {
  private final Vartype vartype;
  private final int n;
  private final int words;
  private final long[] bits;
  private final double[] energies;
  private final long[] counts;
  private final List<Object> labels;
  private final SolveInfo info;

  SampleSet(Vartype vartype, int n, long[] bits, double[] energies, long[] counts,
      List<Object> labels, SolveInfo info) {
    this.vartype = vartype;
    this.n = n;
    this.words = (n + 63) >>> 6;
    this.bits = bits;
    this.energies = energies;
    this.counts = counts;
    this.labels = labels;
    this.info = info;
  }

  /** Starts a sample set over {@code n} variables of the given type. */
  public static SampleSetBuilder builder(Vartype vartype, int n) {
    return new SampleSetBuilder(vartype, n);
  }

  /** Starts a sample set shaped like the model (variable type, count and labels). */
  public static SampleSetBuilder builder(Qubo model) {
    SampleSetBuilder b = new SampleSetBuilder(model.vartype(), model.numVariables());
    if (model.hasLabels()) {
      b.labels(model.labels());
    }
    return b;
  }

  public Vartype vartype() {
    return vartype;
  }

  public int numVariables() {
    return n;
  }

  /** Number of rows (distinct or not, as the solver returned them). */
  public int size() {
    return energies.length;
  }

  public boolean isEmpty() {
    return energies.length == 0;
  }

  /** The lowest-energy sample. */
  public Sample first() {
    if (energies.length == 0) {
      throw new SolverFailedException("The sample set is empty: the solver returned no samples");
    }
    return sample(0);
  }

  public Sample sample(int row) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = value(row, i);
    }
    return new Sample(v, energies[row], counts[row]);
  }

  /** Every row, lowest energy first. */
  public List<Sample> samples() {
    List<Sample> out = new ArrayList<>(size());
    for (int r = 0; r < size(); r++) {
      out.add(sample(r));
    }
    return Collections.unmodifiableList(out);
  }

  /** Whether variable i is set (1 or +1) in the given row. */
  public boolean bit(int row, int i) {
    return (bits[row * words + (i >>> 6)] >>> (i & 63) & 1L) != 0;
  }

  /** The value (0/1 or -1/+1) of variable i in the given row. */
  public int value(int row, int i) {
    return vartype.value(bit(row, i));
  }

  public double energy(int row) {
    return energies[row];
  }

  public long count(int row) {
    return counts[row];
  }

  /** A copy of the energies, lowest first. */
  public double[] energies() {
    return energies.clone();
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** The labels (indices when the sample set has none). */
  public List<Object> labels() {
    if (labels != null) {
      return labels;
    }
    List<Object> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return Collections.unmodifiableList(l);
  }

  public SolveInfo info() {
    return info;
  }

  /** The same samples with other info. */
  public SampleSet withInfo(SolveInfo newInfo) {
    return new SampleSet(vartype, n, bits, energies, counts, labels, newInfo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleSet s && vartype == s.vartype && n == s.n
        && Arrays.equals(bits, s.bits) && Arrays.equals(energies, s.energies)
        && Arrays.equals(counts, s.counts) && labels().equals(s.labels());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(energies) * 31 + n;
  }

  @Override
  public String toString() {
    return "SampleSet[" + size() + " rows over " + n + " " + vartype + " variables"
        + (isEmpty() ? "" : ", best energy " + energies[0]) + "]";
  }
}
