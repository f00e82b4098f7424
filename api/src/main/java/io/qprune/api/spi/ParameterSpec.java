package io.qprune.api.spi;

import java.util.List;

/**
 * One declared solver parameter: name, type, default (null means "chosen by the solver", shown as
 * {@code auto}), inclusive numeric range or allowed choices, and a one-line description.
 */
public record ParameterSpec(String name, ParamType type, Object defaultValue, Double min,
    Double max, List<String> choices, Integer length, String description) {

  public ParameterSpec {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public static ParameterSpec integer(String name, Integer def, long min, long max, String description) {
    return new ParameterSpec(name, ParamType.INTEGER, def, (double) min, (double) max, null, null, description);
  }

  public static ParameterSpec longValue(String name, Long def, long min, long max, String description) {
    return new ParameterSpec(name, ParamType.LONG, def, (double) min, (double) max, null, null, description);
  }

  public static ParameterSpec real(String name, Double def, double min, double max, String description) {
    return new ParameterSpec(name, ParamType.DOUBLE, def, min, max, null, null, description);
  }

  public static ParameterSpec bool(String name, boolean def, String description) {
    return new ParameterSpec(name, ParamType.BOOLEAN, def, null, null, null, null, description);
  }

  public static ParameterSpec choice(String name, String def, List<String> choices, String description) {
    return new ParameterSpec(name, ParamType.CHOICE, def, null, null, choices, null, description);
  }

  public static ParameterSpec string(String name, String def, String description) {
    return new ParameterSpec(name, ParamType.STRING, def, null, null, null, null, description);
  }

  /** A list of doubles of the given length (null: any length), each within [min, max]. */
  public static ParameterSpec doubles(String name, List<Double> def, Integer length, double min,
      double max, String description) {
    return new ParameterSpec(name, ParamType.DOUBLE_LIST, def == null ? null : List.copyOf(def),
        min, max, null, length, description);
  }

  public static ParameterSpec intMatrix(String name, String description) {
    return new ParameterSpec(name, ParamType.INT_MATRIX, null, null, null, null, null, description);
  }

  /** A short human form of the allowed values, e.g. {@code [1, 1000000]} or {@code geometric|linear}. */
  public String rangeText() {
    switch (type) {
      case CHOICE:
        return String.join("|", choices);
      case BOOLEAN:
        return "true|false";
      case INTEGER:
      case LONG:
        return "[" + fmt(min) + ", " + fmt(max) + "]";
      case DOUBLE:
        return "[" + fmt(min) + ", " + fmt(max) + "]";
      case DOUBLE_LIST:
        return (length == null ? "list" : length + " numbers") + " in [" + fmt(min) + ", " + fmt(max) + "]";
      default:
        return "";
    }
  }

  private static String fmt(Double d) {
    if (d == null) {
      return "";
    }
    if (d == Double.MAX_VALUE || d >= 9.2e18) {
      return "inf";
    }
    if (d == -Double.MAX_VALUE || d <= -9.2e18) {
      return "-inf";
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
  }
}
