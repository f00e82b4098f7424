package io.qprune.formulation.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.util.Iterator;

/** Training configs: JSON objects whose fields override a record of defaults; an unknown field is an error. */
final class JsonConfigs {
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonConfigs() {}

  /** {@code json}'s fields over {@code defaults}, as a {@code type}; {@code name} goes into error messages. */
  static <T> T merge(T defaults, String json, String name, Class<T> type) {
    try {
      ObjectNode merged = JSON.valueToTree(defaults);
      JsonNode given = JSON.readTree(json);
      if (given == null || !given.isObject()) {
        throw new InvalidInputException(name + ": a training config must be a JSON object");
      }
      for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!merged.has(f)) {
          StringBuilder known = new StringBuilder();
          merged.fieldNames().forEachRemaining(k -> known.append(k).append(' '));
          throw new InvalidInputException(
              name + ": unknown field '" + f + "'. Known fields: " + known.toString().trim());
        }
        merged.set(f, given.get(f));
      }
      return JSON.treeToValue(merged, type);
    } catch (IOException e) {
      throw new InvalidInputException(name + ": not valid config JSON: " + e.getMessage(), e);
    }
  }
}
