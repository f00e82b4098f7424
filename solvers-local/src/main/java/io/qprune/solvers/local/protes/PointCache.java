package io.qprune.solvers.local.protes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct point evaluated so far with its value, in evaluation order; a point is keyed by a
 * string holding one char per position, so looking up a repeat costs O(d) and no evaluation.
 */
final class PointCache {
  private final Map<String, Double> values = new HashMap<>();
  private final List<int[]> points = new ArrayList<>();
  private final List<Double> ordered = new ArrayList<>();

  static String key(int[] x) {
    char[] c = new char[x.length];
    for (int i = 0; i < x.length; i++) {
      c[i] = (char) x[i];
    }
    return new String(c);
  }

  /** The value of x, or null when it was never evaluated. */
  Double get(int[] x) {
    return values.get(key(x));
  }

  boolean contains(String key) {
    return values.containsKey(key);
  }

  void put(int[] x, double value) {
    if (values.putIfAbsent(key(x), value) != null) {
      throw new IllegalStateException("point evaluated twice");
    }
    points.add(x.clone());
    ordered.add(value);
  }

  int size() {
    return points.size();
  }

  /** The i-th evaluated point (a copy). */
  int[] point(int i) {
    return points.get(i).clone();
  }

  double value(int i) {
    return ordered.get(i);
  }
}
