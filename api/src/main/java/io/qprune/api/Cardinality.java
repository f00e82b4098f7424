package io.qprune.api;

import java.util.Arrays;

/**
 * An exact-cardinality constraint: keep exactly {@code k} variables set (1, or +1 for SPIN), or,
 * when grouped, exactly {@code count(g)} variables of each group g.
 */
public final class Cardinality {
  private final int total;
  private final int[] groupOf; // null when ungrouped
  private final int[] groupCounts;

  private Cardinality(int total, int[] groupOf, int[] groupCounts) {
    this.total = total;
    this.groupOf = groupOf;
    this.groupCounts = groupCounts;
  }

  /** Exactly {@code k} variables set in total. */
  public static Cardinality exactly(int k) {
    if (k < 0) {
      throw new InvalidInputException("Cardinality k must be >= 0, got " + k);
    }
    return new Cardinality(k, null, null);
  }

  /**
   * Exactly {@code counts[g]} set variables in each group g; {@code groupOf[i]} is the group of
   * variable i (every variable belongs to one group).
   */
  public static Cardinality perGroup(int[] groupOf, int[] counts) {
    int[] size = new int[counts.length];
    for (int i = 0; i < groupOf.length; i++) {
      int g = groupOf[i];
      if (g < 0 || g >= counts.length) {
        throw new InvalidInputException("Variable " + i + " is in group " + g
            + ", outside [0, " + counts.length + ")");
      }
      size[g]++;
    }
    int total = 0;
    for (int g = 0; g < counts.length; g++) {
      if (counts[g] < 0 || counts[g] > size[g]) {
        throw new InvalidInputException("Group " + g + " has " + size[g]
            + " variables and cannot keep " + counts[g]);
      }
      total += counts[g];
    }
    return new Cardinality(total, groupOf.clone(), counts.clone());
  }

  /** The total number of set variables. */
  public int total() {
    return total;
  }

  public boolean isGrouped() {
    return groupOf != null;
  }

  public int numGroups() {
    return groupCounts == null ? 1 : groupCounts.length;
  }

  /** The group of variable i (0 when ungrouped). */
  public int groupOf(int i) {
    return groupOf == null ? 0 : groupOf[i];
  }

  /** The count required in group g (the total when ungrouped). */
  public int count(int g) {
    return groupCounts == null ? total : groupCounts[g];
  }

  /** Checks that the constraint fits a model of n variables. */
  public void checkFits(int n) {
    if (groupOf != null && groupOf.length != n) {
      throw new InvalidInputException("Cardinality groups cover " + groupOf.length
          + " variables; the model has " + n);
    }
    if (total > n) {
      throw new InvalidInputException("Cannot keep " + total + " of " + n + " variables");
    }
  }

  /** Whether an assignment (0/1 or -1/+1 values) satisfies the constraint. */
  public boolean isSatisfiedBy(int[] values, Vartype vartype) {
    int[] seen = new int[numGroups()];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == vartype.high()) {
        seen[groupOf(i)]++;
      }
    }
    for (int g = 0; g < seen.length; g++) {
      if (seen[g] != count(g)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cardinality c && total == c.total && Arrays.equals(groupOf, c.groupOf)
        && Arrays.equals(groupCounts, c.groupCounts);
  }

  @Override
  public int hashCode() {
    return total * 31 + Arrays.hashCode(groupCounts);
  }

  @Override
  public String toString() {
    return isGrouped() ? "Cardinality[per group " + Arrays.toString(groupCounts) + "]"
        : "Cardinality[" + total + "]";
  }
}
