package io.qprune.api;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Whole numbers read from parsed config files (YAML/JSON trees) without a detour through
 * {@code double}, which rounds above 2^53 (a 63-bit seed would silently change).
 */
public final class ConfigNumbers {
  /** Whole doubles below this are exact; from it on, neighbouring longs share a double. */
  private static final double EXACT_DOUBLE = 0x1p53;

  private ConfigNumbers() {}

  /**
   * The exact {@code long} value of {@code v}: an integer {@link Number} within range, a whole
   * floating-point number below 2^53, or, when {@code text} is true, a string such as {@code "42"},
   * {@code "4e3"} or {@code "12.0"}; null when {@code v} is none of these (callers word the error).
   */
  public static Long exactLong(Object v, boolean text) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < Long.SIZE ? b.longValue() : null;
    }
    if (v instanceof BigDecimal d) {
      return exact(d);
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < EXACT_DOUBLE ? (long) d : null;
    }
    if (text && v instanceof String s) {
      try {
        return exact(new BigDecimal(s.trim()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Long exact(BigDecimal d) {
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
