package io.qprune.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Vartype;
import java.util.ArrayList;
import java.util.List;

/** Typed, checked access to the values of a {@link JsonDoc}, each failure naming the value's path. */
final class JsonFields {
  final JsonDoc doc;

  JsonFields(JsonDoc doc) {
    this.doc = doc;
  }

  FormatException error(String ptr, String problem) {
    return doc.error(ptr, problem);
  }

  JsonNode object(JsonNode n, String ptr) {
    if (n == null || !n.isObject()) {
      throw error(ptr, JsonDoc.display(ptr) + " must be a JSON object, got " + describe(n));
    }
    return n;
  }

  /** The value of {@code key} in the object at {@code ptr}; {@code fix} says how to repair a file without it. */
  JsonNode required(JsonNode obj, String ptr, String key, String fix) {
    JsonNode v = obj.get(key);
    if (v == null) {
      throw error(ptr, JsonDoc.display(ptr) + " has no '" + key + "' key; " + fix);
    }
    return v;
  }

  String string(JsonNode n, String ptr) {
    if (!n.isTextual()) {
      throw error(ptr, JsonDoc.display(ptr) + " must be a string, got " + describe(n));
    }
    return n.textValue();
  }

  boolean bool(JsonNode n, String ptr) {
    if (!n.isBoolean()) {
      throw error(ptr, JsonDoc.display(ptr) + " must be true or false, got " + describe(n));
    }
    return n.booleanValue();
  }

  double finite(JsonNode n, String ptr) {
    if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
      throw error(ptr, JsonDoc.display(ptr) + " must be a finite number, got " + describe(n));
    }
    return n.doubleValue();
  }

  long integer(JsonNode n, String ptr, long lo, long hi) {
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw error(ptr, JsonDoc.display(ptr) + " must be an integer, got " + describe(n));
    }
    long v = n.longValue();
    if (v < lo || v > hi) {
      throw error(ptr, JsonDoc.display(ptr) + " is " + v + ", out of range " + lo + ".." + hi);
    }
    return v;
  }

  JsonNode array(JsonNode n, String ptr) {
    if (n == null || !n.isArray()) {
      throw error(ptr, JsonDoc.display(ptr) + " must be a JSON array, got " + describe(n));
    }
    return n;
  }

  double[] doubles(JsonNode arr, String ptr) {
    array(arr, ptr);
    double[] out = new double[arr.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = finite(arr.get(k), ptr + "/" + k);
    }
    return out;
  }

  int[] indices(JsonNode arr, String ptr, int n) {
    array(arr, ptr);
    int[] out = new int[arr.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = (int) integer(arr.get(k), ptr + "/" + k, 0, n - 1L);
    }
    return out;
  }

  Vartype vartype(JsonNode n, String ptr) {
    String s = string(n, ptr);
    try {
      return Vartype.parse(s);
    } catch (InvalidInputException e) {
      throw error(ptr, JsonDoc.display(ptr) + " is '" + s + "'; only BINARY and SPIN models are "
          + "supported");
    }
  }

  /** Variable labels: strings, integers, or arrays of them (tuples). */
  List<Object> labels(JsonNode arr, String ptr) {
    array(arr, ptr);
    List<Object> out = new ArrayList<>(arr.size());
    for (int k = 0; k < arr.size(); k++) {
      out.add(label(arr.get(k), ptr + "/" + k));
    }
    return out;
  }

  private Object label(JsonNode n, String ptr) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isArray()) {
      return labels(n, ptr);
    }
    throw error(ptr, "label " + JsonDoc.display(ptr) + " is " + describe(n)
        + "; labels must be strings, integers (within 64 bits) or arrays of them");
  }

  /** A version string "major.minor.patch" as three numbers. */
  int[] version(JsonNode n, String ptr) {
    String s = string(n, ptr);
    if (!s.matches("\\d{1,6}\\.\\d{1,6}\\.\\d{1,6}")) {
      throw error(ptr, JsonDoc.display(ptr) + " is '" + s + "', not a version like \"3.0.0\"");
    }
    String[] p = s.split("\\.");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
  }

  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isTextual()) {
      return "the string \"" + Sniffer.abbreviate(n.textValue()) + "\"";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array of " + n.size();
    }
    if (n.isNumber() && !Double.isFinite(n.doubleValue())) {
      return Double.toString(n.doubleValue()); // Jackson would quote NaN
    }
    return n.isNull() ? "null" : n.toString();
  }
}
