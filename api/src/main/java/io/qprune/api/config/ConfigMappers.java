package io.qprune.api.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two ways config values are bound: from files, where {@code "2"} is text and {@code 2.0} is
 * not a whole number, and from the command line, where every value arrives as text and
 * {@code --set threads=2} must mean 2. Keys are snake_case; unknown keys are errors in both.
 */
final class ConfigMappers {
  /** Values read from YAML or JSON: no coercion between text, numbers and booleans. */
  static final ObjectMapper FILE = mapper(false);
  /** Values given as text (command-line overrides): text may stand for a number or a boolean. */
  static final ObjectMapper TEXT = mapper(true);

  static final JsonFactory JSON_FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  static final YAMLFactory YAML_FACTORY = new YAMLFactory();

  private ConfigMappers() {}

  /** A record's keys and their types, in declaration order. */
  static Map<String, JavaType> properties(JavaType type) {
    Map<String, JavaType> out = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : FILE.getDeserializationConfig().introspect(type).findProperties()) {
      out.put(p.getName(), p.getPrimaryType());
    }
    return out;
  }

  /** A record's old key spellings ({@code @JsonAlias}), each with the key it stands for. */
  static Map<String, String> aliases(JavaType type) {
    Map<String, String> out = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : FILE.getDeserializationConfig().introspect(type).findProperties()) {
      for (PropertyName alias : p.findAliases()) {
        out.put(alias.getSimpleName(), p.getName());
      }
    }
    return out;
  }

  /** The key {@code key} stands for in {@code type} (itself unless it is an old spelling). */
  static String canonical(JavaType type, String key) {
    return type == null || !type.isRecordType() ? key : aliases(type).getOrDefault(key, key);
  }

  private static ObjectMapper mapper(boolean fromText) {
    ObjectMapper m = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 2.5 threads is an error, not 2
        .build();
    CoercionAction fromString = fromText ? CoercionAction.TryConvert : CoercionAction.Fail;
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, fromString);
    }
    m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    for (CoercionInputShape s : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean}) {
      m.coercionConfigFor(LogicalType.Textual).setCoercion(s, fromText ? CoercionAction.TryConvert : CoercionAction.Fail);
    }
    return m;
  }
}
