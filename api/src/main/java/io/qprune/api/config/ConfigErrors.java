package io.qprune.api.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.spi.Suggest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's binding errors in the words of a config file: the key's dotted path, what it must be, what it is. */
final class ConfigErrors {
  private static final int SHOWN = 60;
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private ConfigErrors() {}

  /**
   * The error {@code e} raised while binding {@code bound}; {@code at} turns a dotted path into the
   * message's prefix (for a file {@code "name:line: "}).
   */
  static InvalidInputException explain(JacksonException e, JsonNode bound, Function<String, String> at) {
    return explain(e, bound, at, "");
  }

  /** As {@link #explain(JacksonException, JsonNode, Function)} for a block named {@code block} (keys shown under it). */
  static InvalidInputException explain(JacksonException e, JsonNode bound, Function<String, String> at, String block) {
    String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
    String shownPath = block.isEmpty() ? path : path.isEmpty() ? block : block + (path.startsWith("[") ? "" : ".") + path;
    String key = "'" + shownPath + "'";
    if (e instanceof UnrecognizedPropertyException u) {
      String parent = shownPath.substring(0, Math.max(0, lastSeparator(shownPath)));
      return unknown(at.apply(path), parent, u.getPropertyName(), known(u.getReferringClass(), u.getKnownPropertyIds()));
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      Throwable c = v.getCause();
      String text = c instanceof InvalidInputException ? c.getMessage()
          : (shownPath.isEmpty() ? "" : key + ": ") + c.getMessage();
      return new InvalidInputException(at.apply(path) + text, c);
    }
    JsonNode given = node(bound, path);
    if (e.getCause() instanceof InputCoercionException c && c.getTargetType() != null) {
      return new InvalidInputException(at.apply(path) + key + " must be " + range(c.getTargetType())
          + ", got " + shown(given), e);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Class<?> type = m.getTargetType();
      return new InvalidInputException(at.apply(path) + (shownPath.isEmpty() ? "the file must hold " : key + " must be ")
          + words(type) + ", got " + shown(given) + hint(given, type), e);
    }
    if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("must be ")) {
      // a custom deserializer's own words (see RefineSettings' layers: "must be 'all' or a whole number")
      return new InvalidInputException(at.apply(path) + key + " " + e.getOriginalMessage() + ", got " + shown(given), e);
    }
    return new InvalidInputException(at.apply(path) + (shownPath.isEmpty() ? "" : key + ": ") + e.getOriginalMessage(), e);
  }

  /**
   * Finds keys that {@code type} does not have anywhere in {@code node} (in records, lists and
   * arrays of them), so that an unknown key is reported before a record's own checks of the values
   * it was given: Jackson builds a record as soon as it has every value, and reads the rest later.
   */
  static void checkKeys(JsonNode node, JavaType type, String path, Function<String, String> at, String block) {
    if (node instanceof ObjectNode o && type.isRecordType()) {
      Map<String, JavaType> props = ConfigMappers.properties(type);
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        JavaType t = props.get(ConfigMappers.canonical(type, e.getKey()));
        if (t == null) {
          String parent = block.isEmpty() ? path : path.isEmpty() ? block : block + "." + path;
          throw unknown(at.apply(child), parent, e.getKey(), new ArrayList<>(props.keySet()));
        }
        checkKeys(e.getValue(), t, child, at, block);
      }
    } else if (node instanceof ArrayNode a && type.getContentType() != null && !type.isMapLikeType()) {
      for (int i = 0; i < a.size(); i++) {
        checkKeys(a.get(i), type.getContentType(), path + "[" + i + "]", at, block);
      }
    }
  }

  private static InvalidInputException unknown(String prefix, String parent, String key, List<String> known) {
    return new InvalidInputException(prefix + "unknown key '" + key + "'"
        + (parent.isEmpty() ? "" : " in '" + parent + "'") + "; allowed: " + String.join(", ", known) + "."
        + Suggest.maybe(key, known));
  }

  /** The dotted path of a Jackson reference chain: {@code refine.layers}, {@code solvers[1].name}. */
  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** Where the last key or index of a dotted path starts (the parent's end). */
  static int lastSeparator(String path) {
    return Math.max(path.lastIndexOf('.'), path.endsWith("]") ? path.lastIndexOf('[') : -1);
  }

  /** The node at a dotted path, or null. */
  static JsonNode node(JsonNode root, String path) {
    JsonNode n = root;
    Matcher m = SEGMENT.matcher(path);
    while (n != null && m.find()) {
      n = m.group(1) != null ? n.get(m.group(1)) : n.get(Integer.parseInt(m.group(2)));
    }
    return n;
  }

  /** A value as the user wrote it: text in quotes, numbers as they are, short mappings and lists as JSON. */
  static String shown(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isTextual()) {
      return "\"" + n.asText() + "\"";
    }
    if (n.isContainerNode()) {
      String json = n.toString();
      return json.length() <= SHOWN ? json : n.isObject() ? "a mapping" : "a list";
    }
    return n.toString();
  }

  /** What a value of {@code type} is, in words. */
  static String words(Class<?> type) {
    if (type == int.class || type == long.class || type == short.class || type == byte.class
        || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
        || type == BigInteger.class) {
      return "a whole number";
    }
    if (type == double.class || type == float.class || type == Double.class || type == Float.class
        || type == BigDecimal.class || type == Number.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "text";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping of name: value";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type.isRecord()) {
      return "a mapping of key: value";
    }
    return "a " + type.getSimpleName();
  }

  private static String range(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class || type == Long.class) {
      return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return words(type) + " in range";
  }

  /** " (write it without quotes)" when quoted text would be a value of the type wanted. */
  private static String hint(JsonNode given, Class<?> type) {
    String wanted = words(type);
    if (given == null || !given.isTextual()) {
      return "";
    }
    try {
      JsonNode unquoted = ConfigMappers.FILE.readTree(given.asText());
      boolean fits = unquoted != null && switch (wanted) {
        case "a whole number" -> unquoted.isIntegralNumber();
        case "a number" -> unquoted.isNumber();
        case "true or false" -> unquoted.isBoolean();
        default -> false;
      };
      return fits ? " (write it without quotes)" : "";
    } catch (java.io.IOException notAValue) {
      return "";
    }
  }

  /** The known keys in the order the type declares them. */
  private static List<String> known(Class<?> type, Collection<Object> ids) {
    List<String> out = new ArrayList<>();
    if (type != null) {
      for (String name : ConfigMappers.properties(ConfigMappers.FILE.constructType(type)).keySet()) {
        if (ids.contains(name)) {
          out.add(name);
        }
      }
    }
    for (Object id : ids) {
      if (!out.contains(String.valueOf(id))) {
        out.add(String.valueOf(id));
      }
    }
    return out;
  }
}
