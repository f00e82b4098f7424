package io.qprune.api.spi;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A solver's parameter values, checked against its declared {@link ParameterSpec}s: unknown names,
 * wrong types and out-of-range values are errors. Values missing from the input take the default.
 */
public final class Parameters {
  private final String solver;
  private final Map<String, Object> values; // normalised: Integer, Long, Double, Boolean, String, List<Double>, int[][]
  private final Set<String> given;

  private Parameters(String solver, Map<String, Object> values, Set<String> given) {
    this.solver = solver;
    this.values = values;
    this.given = given;
  }

  /** Validates raw values (numbers, booleans, strings as typed on a command line, lists) for a solver. */
  public static Parameters validate(String solver, List<ParameterSpec> specs, Map<String, ?> raw) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    for (ParameterSpec s : specs) {
      byName.put(s.name(), s);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Set<String> given = new TreeSet<>();
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      ParameterSpec spec = byName.get(e.getKey());
      if (spec == null) {
        throw new InvalidInputException("Unknown parameter '" + e.getKey() + "' for solver '" + solver
            + "'. Known parameters: " + String.join(", ", byName.keySet())
            + Suggest.maybe(e.getKey(), byName.keySet()));
      }
      if (e.getValue() != null) {
        out.put(spec.name(), ParameterValues.coerce(solver, spec, e.getValue()));
        given.add(spec.name());
      }
    }
    for (ParameterSpec s : specs) {
      if (!out.containsKey(s.name()) && s.defaultValue() != null) {
        out.put(s.name(), ParameterValues.coerce(solver, s, s.defaultValue()));
      }
    }
    return new Parameters(solver, Collections.unmodifiableMap(out), Collections.unmodifiableSet(given));
  }

  /** The solver these parameters belong to. */
  public String solver() {
    return solver;
  }

  /** Whether the user gave this parameter (as opposed to it taking its default). */
  public boolean isGiven(String name) {
    return given.contains(name);
  }

  /** Whether the parameter has a value (given, or a non-auto default). */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  public int getInt(String name) {
    return ((Number) require(name)).intValue();
  }

  public long getLong(String name) {
    return ((Number) require(name)).longValue();
  }

  public double getDouble(String name) {
    return ((Number) require(name)).doubleValue();
  }

  public boolean getBoolean(String name) {
    return (Boolean) require(name);
  }

  public String getString(String name) {
    return (String) require(name);
  }

  /** A copy of a list-of-doubles parameter, or null when it is unset ("auto"). */
  public double[] getDoubles(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    List<?> l = (List<?>) v;
    double[] d = new double[l.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = ((Number) l.get(i)).doubleValue();
    }
    return d;
  }

  /** A copy of an integer-matrix parameter, or null when it is unset. */
  public int[][] getIntMatrix(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    int[][] m = (int[][]) v;
    int[][] c = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  /** The values as a map (for reports); matrices are given as nested lists. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      if (v instanceof int[][] rows) {
        List<List<Integer>> l = new ArrayList<>();
        for (int[] r : rows) {
          List<Integer> row = new ArrayList<>();
          for (int x : r) {
            row.add(x);
          }
          l.add(row);
        }
        v = l;
      }
      m.put(e.getKey(), v);
    }
    return m;
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("Parameter '" + name + "' of solver '" + solver
          + "' has no value and no default; check has() first");
    }
    return v;
  }

  @Override
  public String toString() {
    return solver + asMap();
  }
}
