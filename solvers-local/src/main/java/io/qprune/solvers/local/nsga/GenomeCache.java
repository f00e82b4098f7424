package io.qprune.solvers.local.nsga;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every distinct genome evaluated so far (by its key) with its objective vector, in evaluation order. */
final class GenomeCache {
  private final Map<String, double[]> values = new LinkedHashMap<>();

  /** The objective vector of the genome with this key, or null when it was never evaluated. */
  double[] get(String key) {
    return values.get(key);
  }

  boolean contains(String key) {
    return values.containsKey(key);
  }

  void put(String key, double[] f) {
    if (values.putIfAbsent(key, f.clone()) != null) {
      throw new IllegalStateException("genome evaluated twice");
    }
  }

  int size() {
    return values.size();
  }

  /** The entries in evaluation order (read only). */
  Iterable<Map.Entry<String, double[]>> entries() {
    return java.util.Collections.unmodifiableMap(values).entrySet();
  }
}
