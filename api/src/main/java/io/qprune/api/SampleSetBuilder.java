package io.qprune.api;

import java.util.Arrays;
import java.util.List;

/** Collects rows and builds a {@link SampleSet} sorted by energy. */
public final class SampleSetBuilder {
  private final Vartype vartype;
  private final int n;
  private final int words;
  private long[] bits = new long[0];
  private double[] energies = new double[4];
  private long[] counts = new long[4];
  private int rows;
  private List<Object> labels;
  private SolveInfo info = SolveInfo.empty();

  SampleSetBuilder(Vartype vartype, int n) {
    if (n < 0) {
      throw new InvalidInputException("Number of variables must be >= 0, got " + n);
    }
    this.vartype = vartype;
    this.n = n;
    this.words = (n + 63) >>> 6;
    this.bits = new long[4 * words];
  }

  public SampleSetBuilder labels(List<?> l) {
    List<Object> norm = Labels.normalise(l, n);
    this.labels = Labels.areIndices(norm) ? null : norm;
    return this;
  }

  public SampleSetBuilder info(SolveInfo i) {
    this.info = i == null ? SolveInfo.empty() : i;
    return this;
  }

  /** Adds a row given as values of the vartype (0/1 or -1/+1). */
  public SampleSetBuilder add(int[] values, double energy, long count) {
    if (values.length != n) {
      throw new InvalidInputException(
          "Sample has " + values.length + " values; expected " + n);
    }
    int base = grow();
    for (int i = 0; i < n; i++) {
      int v = values[i];
      if (v == vartype.high()) {
        bits[base + (i >>> 6)] |= 1L << (i & 63);
      } else if (v != vartype.low()) {
        throw new InvalidInputException("Value " + v + " of variable " + i + " is not a "
            + vartype + " value (" + vartype.low() + " or " + vartype.high() + ")");
      }
    }
    return finish(energy, count);
  }

  /** Adds a row given as bits (set = 1 or +1). */
  public SampleSetBuilder add(boolean[] set, double energy, long count) {
    if (set.length != n) {
      throw new InvalidInputException("Sample has " + set.length + " values; expected " + n);
    }
    int base = grow();
    for (int i = 0; i < n; i++) {
      if (set[i]) {
        bits[base + (i >>> 6)] |= 1L << (i & 63);
      }
    }
    return finish(energy, count);
  }

  private int grow() {
    if (rows == energies.length) {
      int cap = rows * 2;
      energies = Arrays.copyOf(energies, cap);
      counts = Arrays.copyOf(counts, cap);
    }
    if ((rows + 1) * words > bits.length) {
      bits = Arrays.copyOf(bits, Math.max((rows + 1) * words, bits.length * 2));
    }
    return rows * words;
  }

  private SampleSetBuilder finish(double energy, long count) {
    if (Double.isNaN(energy)) {
      throw new InvalidInputException("Energy of sample " + rows + " is NaN");
    }
    if (count < 1) {
      throw new InvalidInputException("Occurrence count of sample " + rows + " is " + count + "; it must be >= 1");
    }
    energies[rows] = energy;
    counts[rows] = count;
    rows++;
    return this;
  }

  public int size() {
    return rows;
  }

  /** Builds the set, rows sorted by energy (stable). */
  public SampleSet build() {
    Integer[] order = new Integer[rows];
    for (int r = 0; r < rows; r++) {
      order[r] = r;
    }
    Arrays.sort(order, (a, b) -> Double.compare(energies[a], energies[b]));
    long[] b = new long[rows * words];
    double[] e = new double[rows];
    long[] c = new long[rows];
    for (int r = 0; r < rows; r++) {
      int src = order[r];
      System.arraycopy(bits, src * words, b, r * words, words);
      e[r] = energies[src];
      c[r] = counts[src];
    }
    return new SampleSet(vartype, n, b, e, c, labels, info);
  }
}
