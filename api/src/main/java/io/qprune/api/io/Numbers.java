package io.qprune.api.io;

import java.util.regex.Pattern;

/** Strict number parsing (no NaN, Infinity, hex or type suffixes) and exact number formatting. */
final class Numbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private Numbers() {}

  /** The value of a decimal token, or NaN when it is not a plain finite decimal number. */
  static double parse(String token) {
    long fast = parseSmallInt(token);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    if (!DECIMAL.matcher(token).matches()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(token);
    return Double.isInfinite(v) ? Double.NaN : v;
  }

  /** The value of an integer token of up to 18 digits, or {@code Long.MIN_VALUE}. */
  static long parseSmallInt(String t) {
    int n = t.length();
    int i = n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
    if (i == n || n - i > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (int k = i; k < n; k++) {
      char c = t.charAt(k);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      v = v * 10 + (c - '0');
    }
    return t.charAt(0) == '-' ? -v : v;
  }

  /** Whole numbers as integers ("-3"), others in a form that reads back exactly. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
