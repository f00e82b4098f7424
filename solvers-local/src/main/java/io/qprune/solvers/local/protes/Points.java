package io.qprune.solvers.local.protes;

import io.qprune.api.InvalidInputException;

/** Writes a point as text for checkpoints: one digit per position up to 36 choices, else numbers with spaces. */
final class Points {
  private Points() {}

  static String encode(int[] x, int n) {
    StringBuilder b = new StringBuilder(x.length);
    for (int i = 0; i < x.length; i++) {
      if (n <= Character.MAX_RADIX) {
        b.append(Character.forDigit(x[i], Character.MAX_RADIX));
      } else {
        b.append(i == 0 ? "" : " ").append(x[i]);
      }
    }
    return b.toString();
  }

  static int[] decode(String s, int d, int n) {
    int[] x = new int[d];
    String[] parts = n <= Character.MAX_RADIX ? null : s.trim().split(" ");
    int len = parts == null ? s.length() : parts.length;
    if (len != d) {
      throw new InvalidInputException("A checkpoint point has " + len + " positions, the problem " + d);
    }
    for (int i = 0; i < d; i++) {
      x[i] = parts == null ? Character.digit(s.charAt(i), Character.MAX_RADIX) : Integer.parseInt(parts[i]);
      if (x[i] < 0 || x[i] >= n) {
        throw new InvalidInputException("A checkpoint point has choice '" + (parts == null ? s.charAt(i)
            : parts[i]) + "' at position " + i + "; choices are 0.." + (n - 1));
      }
    }
    return x;
  }
}
