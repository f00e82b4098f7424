package io.qprune.formulation.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The form checkpoints record a training config in: Jackson's default (camelCase) names, as before configs were snake_case. */
final class JsonConfigs {
  private static final ObjectMapper CHECKPOINT = new ObjectMapper();

  private JsonConfigs() {}

  /** {@code config} as pretty camelCase JSON. */
  static String checkpointJson(Object config) {
    try {
      return CHECKPOINT.writerWithDefaultPrettyPrinter().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
