package io.qprune.solvers.remote.dwave;

import java.util.List;

/**
 * Python's {@code json.dumps} output for label lists (", " separators, ASCII with {@code \\uXXXX}
 * escapes), so that files match dimod's byte for byte.
 */
final class PythonJson {
  private PythonJson() {}

  static String list(List<?> items) {
    StringBuilder sb = new StringBuilder();
    append(sb, items);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v) {
    if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof String s) {
      string(sb, s);
    } else {
      sb.append(v); // integers
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
