package io.qprune.api.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qprune.api.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Config values as Jackson-bound records with snake_case keys: given keys over a record of
 * defaults (a nested record's block over its own defaults; a map replaced whole), one key set by
 * its dotted name ({@code refine.layers}), and a record back as an ordered map for reports.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** {@code value} as a tree with its config keys, as a file would hold it. */
  public static ObjectNode tree(Object value) {
    return ConfigMappers.FILE.valueToTree(value);
  }

  /** {@code value}'s keys and values in declaration order (nested records as maps), for reports. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Object value) {
    return ConfigMappers.FILE.convertValue(value, LinkedHashMap.class);
  }

  /**
   * {@code values}, as parsed from a file (text is text, numbers are numbers), over {@code defaults}
   * (null: none); errors start with {@code source}.
   */
  public static <T> T fromMap(Map<String, ?> values, Class<T> type, T defaults, String source) {
    JsonNode given = ConfigMappers.FILE.valueToTree(values);
    JsonNode merged = defaults == null ? given : merge(tree(defaults), given, ConfigMappers.FILE.constructType(type));
    return bind(ConfigMappers.FILE, merged, type, path -> source + ": ", "");
  }

  /**
   * {@code base} with one key set: {@code key} is dotted for a nested block ({@code refine.layers});
   * a text value is read as the command line means it ({@code "2"} is a number for a number key,
   * {@code "{k: 50}"} a mapping); null restores the value of {@code defaults}. An unknown key is an error.
   */
  public static <T> T with(T base, Class<T> type, String key, Object value, T defaults) {
    return with(base, type, key, value, defaults, "");
  }

  /**
   * As {@link #with(Object, Class, String, Object, Object)} for the block {@code block} of a larger
   * config: errors name keys under it ({@code refine.budget}).
   */
  public static <T> T with(T base, Class<T> type, String key, Object value, T defaults, String block) {
    ObjectNode root = tree(base);
    String[] parts = key.split("\\.", -1);
    ObjectNode parent = root;
    JavaType t = ConfigMappers.FILE.constructType(type);
    for (int i = 0; i < parts.length - 1; i++) {
      parts[i] = ConfigMappers.canonical(t, parts[i]);
      t = t == null ? null : ConfigMappers.properties(t).get(parts[i]);
      parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
    }
    String last = ConfigMappers.canonical(t, parts[parts.length - 1]);
    parts[parts.length - 1] = last;
    JsonNode leaf = value == null ? ConfigErrors.node(tree(defaults), String.join(".", parts))
        : given(block.isEmpty() ? key : block + "." + key, value);
    JavaType leafType = t == null ? null : ConfigMappers.properties(t).get(last);
    boolean replace = value == null || leafType == null || !parent.has(last);
    parent.set(last, replace ? leaf : merge(parent.get(last), leaf, leafType));
    return bind(ConfigMappers.TEXT, root, type, path -> "", block);
  }

  /** {@code base} with every entry of {@code overrides} set by {@link #with}, in order. */
  public static <T> T withAll(T base, Class<T> type, Map<String, ?> overrides, T defaults, String block) {
    T out = base;
    for (Map.Entry<String, ?> e : overrides.entrySet()) {
      out = with(out, type, e.getKey(), e.getValue(), defaults, block);
    }
    return out;
  }

  /** A Java value as a tree; text that opens a mapping or list is read as YAML ({@code {k: 50}}). */
  private static JsonNode given(String key, Object value) {
    if (!(value instanceof String s)) {
      return ConfigMappers.FILE.valueToTree(value);
    }
    String t = s.strip();
    if (!t.startsWith("{") && !t.startsWith("[")) {
      return TextNode.valueOf(s);
    }
    try {
      return new ObjectMapper(ConfigMappers.YAML_FACTORY).readTree(t);
    } catch (JacksonException e) {
      throw new InvalidInputException("'" + key + "': '" + s + "' is not a YAML mapping or list such as"
          + " {k: 50, k_top: 5}: " + e.getOriginalMessage(), e);
    }
  }

  /** Binds {@code tree}; every unknown key is found before any record checks its values. */
  static <T> T bind(ObjectMapper m, JsonNode tree, Class<T> type, Function<String, String> at, String block) {
    ConfigErrors.checkKeys(tree, m.constructType(type), "", at, block);
    try {
      return m.treeToValue(tree, type);
    } catch (JacksonException e) {
      throw ConfigErrors.explain(e, tree, at, block);
    }
  }

  /**
   * {@code patch} over {@code base}: a record's block key by key (so a partial block keeps its other
   * defaults); anything else, maps and lists included, replaced; a null in {@code patch} keeps the base.
   */
  static JsonNode merge(JsonNode base, JsonNode patch, JavaType type) {
    if (patch == null || patch.isNull() || patch.isMissingNode()) {
      return base;
    }
    if (!(base instanceof ObjectNode b) || !(patch instanceof ObjectNode p) || !type.isRecordType()) {
      return patch;
    }
    ObjectNode out = b.deepCopy();
    Map<String, JavaType> props = ConfigMappers.properties(type);
    p.properties().forEach(e -> {
      String key = ConfigMappers.canonical(type, e.getKey());
      JavaType t = props.get(key);
      out.set(key, t == null || !b.has(key) ? e.getValue() : merge(b.get(key), e.getValue(), t));
    });
    return out;
  }
}
