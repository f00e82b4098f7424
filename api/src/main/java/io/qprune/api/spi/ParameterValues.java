package io.qprune.api.spi;

import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a raw value (typed, or a string from the command line) into a parameter's type, checking its range. */
final class ParameterValues {
  private ParameterValues() {}

  static Object coerce(String solver, ParameterSpec spec, Object raw) {
    String where = "Parameter '" + spec.name() + "' of solver '" + solver + "'";
    try {
      switch (spec.type()) {
        case INTEGER: {
          long v = toLong(raw, where);
          checkRange(where, spec, v);
          return (int) v;
        }
        case LONG: {
          long v = toLong(raw, where);
          checkRange(where, spec, v);
          return v;
        }
        case DOUBLE: {
          double v = toDouble(raw, where);
          checkRange(where, spec, v);
          return v;
        }
        case BOOLEAN:
          return toBoolean(raw, where);
        case CHOICE: {
          String s = raw.toString().trim().toLowerCase(Locale.ROOT);
          if (!spec.choices().contains(s)) {
            throw new InvalidInputException(where + " is '" + raw + "'; choose one of "
                + String.join(", ", spec.choices()) + Suggest.maybe(s, spec.choices()));
          }
          return s;
        }
        case STRING:
          return raw.toString();
        case DOUBLE_LIST:
          return toDoubleList(raw, where, spec);
        case INT_MATRIX:
          return toIntMatrix(raw, where);
        default:
          throw new IllegalStateException("unhandled type " + spec.type());
      }
    } catch (NumberFormatException e) {
      throw new InvalidInputException(where + " is '" + raw + "', which is not a valid "
          + spec.type().name().toLowerCase(Locale.ROOT), e);
    }
  }

  private static long toLong(Object raw, String where) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof Number n) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Math.abs(d) > 9.0e18) {
        throw new InvalidInputException(where + " is " + raw + "; it must be a whole number");
      }
      return (long) d;
    }
    String s = raw.toString().trim().replace("_", "");
    if (s.matches("[+-]?\\d+(\\.0*)?[eE]\\+?\\d+") || s.matches("[+-]?\\d+\\.0*")) {
      return toLong(Double.parseDouble(s), where);
    }
    return Long.parseLong(s);
  }

  private static double toDouble(Object raw, String where) {
    double d = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
    if (Double.isNaN(d)) {
      throw new InvalidInputException(where + " is NaN; give a number");
    }
    return d;
  }

  private static boolean toBoolean(Object raw, String where) {
    if (raw instanceof Boolean b) {
      return b;
    }
    String s = raw.toString().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("yes") || s.equals("1")) {
      return true;
    }
    if (s.equals("false") || s.equals("no") || s.equals("0")) {
      return false;
    }
    throw new InvalidInputException(where + " is '" + raw + "'; it must be true or false");
  }

  private static void checkRange(String where, ParameterSpec spec, double v) {
    if ((spec.min() != null && v < spec.min()) || (spec.max() != null && v > spec.max())) {
      throw new InvalidInputException(where + " is " + fmt(v) + "; it must be in " + spec.rangeText());
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static List<Double> toDoubleList(Object raw, String where, ParameterSpec spec) {
    List<Double> out = new ArrayList<>();
    if (raw instanceof List<?> l) {
      for (Object o : l) {
        out.add(toDouble(o, where));
      }
    } else if (raw instanceof double[] a) {
      for (double d : a) {
        out.add(d);
      }
    } else {
      String s = raw.toString().trim().replace("[", "").replace("]", "");
      for (String part : s.split("[,\\s]+")) {
        if (!part.isEmpty()) {
          out.add(toDouble(part, where));
        }
      }
    }
    if (spec.length() != null && out.size() != spec.length()) {
      throw new InvalidInputException(where + " has " + out.size() + " numbers " + out
          + "; it needs exactly " + spec.length());
    }
    for (double d : out) {
      checkRange(where, spec, d);
    }
    return List.copyOf(out);
  }

  private static int[][] toIntMatrix(Object raw, String where) {
    if (raw instanceof int[][] m) {
      int[][] c = new int[m.length][];
      for (int i = 0; i < m.length; i++) {
        c[i] = m[i].clone();
      }
      return c;
    }
    List<int[]> rows = new ArrayList<>();
    if (raw instanceof List<?> l) {
      for (Object r : l) {
        if (!(r instanceof List<?> row)) {
          throw new InvalidInputException(where + " must be a list of rows of integers; got element " + r);
        }
        int[] a = new int[row.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = Math.toIntExact(toLong(row.get(i), where));
        }
        rows.add(a);
      }
    } else {
      for (String r : raw.toString().split(";")) {
        String t = r.trim();
        if (t.isEmpty()) {
          continue;
        }
        String[] parts = t.split("[,\\s]+");
        int[] a = new int[parts.length];
        for (int i = 0; i < a.length; i++) {
          a[i] = Integer.parseInt(parts[i].trim());
        }
        rows.add(a);
      }
    }
    return rows.toArray(new int[0][]);
  }
}
