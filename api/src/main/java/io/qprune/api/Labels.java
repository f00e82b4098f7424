package io.qprune.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation and normalisation of variable labels: strings, integers, or lists of them (tuples). */
final class Labels {
  private Labels() {}

  /** Checks the labels and returns an immutable normalised copy (integers as Long → Integer where they fit). */
  static List<Object> normalise(List<?> labels, int n) {
    if (labels.size() != n) {
      throw new InvalidInputException(
          "Got " + labels.size() + " labels for " + n + " variables; give one label per variable");
    }
    List<Object> out = new ArrayList<>(n);
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Object l = normaliseOne(labels.get(i), i);
      if (!seen.add(key(l))) {
        throw new InvalidInputException("Label " + l + " is used twice (again at variable " + i + ")");
      }
      out.add(l);
    }
    return List.copyOf(out);
  }

  private static Object normaliseOne(Object l, int i) {
    if (l instanceof String) {
      return l;
    }
    if (l instanceof Integer || l instanceof Long || l instanceof Short || l instanceof Byte
        || l instanceof java.math.BigInteger) {
      long v = ((Number) l).longValue();
      if (v == (int) v) { // not a ternary: that would box both branches as Long
        return Integer.valueOf((int) v);
      }
      return Long.valueOf(v);
    }
    if (l instanceof List) {
      List<Object> parts = new ArrayList<>();
      for (Object p : (List<?>) l) {
        parts.add(normaliseOne(p, i));
      }
      return List.copyOf(parts);
    }
    throw new InvalidInputException("Label of variable " + i + " is " + (l == null ? "null"
        : l.getClass().getSimpleName() + " " + l) + "; labels must be strings, integers or lists of them");
  }

  /** A key under which equal labels compare equal whatever integer type they were read as. */
  static Object key(Object l) {
    if (l instanceof Number) {
      return ((Number) l).longValue();
    }
    if (l instanceof List) {
      List<Object> k = new ArrayList<>();
      for (Object p : (List<?>) l) {
        k.add(key(p));
      }
      return k;
    }
    return l;
  }

  /** Whether labels are exactly the indices 0..n-1, so they need not be stored. */
  static boolean areIndices(List<?> labels) {
    for (int i = 0; i < labels.size(); i++) {
      Object l = labels.get(i);
      if (!(l instanceof Number) || ((Number) l).longValue() != i) {
        return false;
      }
    }
    return true;
  }
}
