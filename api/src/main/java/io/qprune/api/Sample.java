package io.qprune.api;

import java.util.Arrays;

/** One row of a {@link SampleSet}: an assignment, its energy and how often it occurred. */
public final class Sample {
  private final int[] values;
  private final double energy;
  private final long count;

  Sample(int[] values, double energy, long count) {
    this.values = values;
    this.energy = energy;
    this.count = count;
  }

  /** The value (0/1 or -1/+1) of variable i. */
  public int get(int i) {
    return values[i];
  }

  public int size() {
    return values.length;
  }

  /** A copy of the assignment. */
  public int[] values() {
    return values.clone();
  }

  public double energy() {
    return energy;
  }

  public long count() {
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s && Arrays.equals(values, s.values)
        && Double.compare(energy, s.energy) == 0 && count == s.count;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Double.hashCode(energy);
  }

  @Override
  public String toString() {
    return "Sample[energy=" + energy + ", count=" + count + ", values=" + Arrays.toString(values) + "]";
  }
}
