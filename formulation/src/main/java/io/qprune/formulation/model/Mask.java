package io.qprune.formulation.model;

import io.qprune.api.InvalidInputException;
import java.util.Arrays;
import java.util.BitSet;

/** An immutable keep/prune decision per unit: bit i = 1 keeps unit i, 0 prunes it. */
public final class Mask {
  private final BitSet bits;
  private final int size;

  private Mask(BitSet bits, int size) {
    this.bits = bits;
    this.size = size;
  }

  /** The mask that keeps all {@code size} units. */
  public static Mask all(int size) {
    BitSet b = new BitSet(size);
    b.set(0, size);
    return new Mask(b, size);
  }

  /** A mask from one boolean per unit. */
  public static Mask of(boolean... keep) {
    BitSet b = new BitSet(keep.length);
    for (int i = 0; i < keep.length; i++) {
      b.set(i, keep[i]);
    }
    return new Mask(b, keep.length);
  }

  /** A mask from one 0/1 value per unit; any other value is an error. */
  public static Mask ofBits(int... values) {
    BitSet b = new BitSet(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0 && values[i] != 1) {
        throw new InvalidInputException(
            "Mask value " + i + " is " + values[i] + "; a mask holds only 0 (prune) and 1 (keep)");
      }
      b.set(i, values[i] == 1);
    }
    return new Mask(b, values.length);
  }

  /**
   * Parses a mask written as 0/1 digits, optionally separated by spaces, commas or newlines, and
   * optionally inside JSON brackets ({@code [1,0,1]}); {@code #} starts a comment line.
   */
  public static Mask parse(String text) {
    StringBuilder digits = new StringBuilder();
    for (String line : text.split("\\R")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      for (char ch : line.toCharArray()) {
        if (ch == '0' || ch == '1') {
          digits.append(ch);
        } else if (!(Character.isWhitespace(ch) || ch == ',' || ch == '[' || ch == ']')) {
          throw new InvalidInputException(
              "Mask text has '" + ch + "'; write one 0 or 1 per unit, e.g. 1 0 1 1 or [1,0,1,1]");
        }
      }
    }
    int[] v = digits.chars().map(c -> c - '0').toArray();
    return ofBits(v);
  }

  public int size() {
    return size;
  }

  public boolean keeps(int unit) {
    if (unit < 0 || unit >= size) {
      throw new IndexOutOfBoundsException("Unit " + unit + " outside a mask of " + size);
    }
    return bits.get(unit);
  }

  /** How many units are kept. */
  public int kept() {
    return bits.cardinality();
  }

  /** The fraction of units pruned, e.g. 0.36. */
  public double sparsity() {
    return size == 0 ? 0 : 1.0 - (double) kept() / size;
  }

  /** A copy with unit {@code unit} set to {@code keep}. */
  public Mask with(int unit, boolean keep) {
    keeps(unit);
    BitSet b = (BitSet) bits.clone();
    b.set(unit, keep);
    return new Mask(b, size);
  }

  /** One flag per unit, true where it is kept. */
  public boolean[] toKeep() {
    boolean[] keep = new boolean[size];
    for (int i = 0; i < size; i++) {
      keep[i] = bits.get(i);
    }
    return keep;
  }

  /** One 0/1 int per unit. */
  public int[] toBits() {
    int[] v = new int[size];
    for (int i = 0; i < size; i++) {
      v[i] = bits.get(i) ? 1 : 0;
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mask && ((Mask) o).size == size && ((Mask) o).bits.equals(bits);
  }

  @Override
  public int hashCode() {
    return 31 * size + bits.hashCode();
  }

  /** The mask as a string of 0/1 digits, the format {@link #parse} reads. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(size);
    Arrays.stream(toBits()).forEach(sb::append);
    return sb.toString();
  }
}
