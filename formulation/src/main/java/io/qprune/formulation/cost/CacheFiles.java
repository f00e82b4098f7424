package io.qprune.formulation.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON cache files of measured latency (tables, fits): a key they were measured under, written atomically. */
final class CacheFiles {
  static final ObjectMapper JSON = new ObjectMapper();

  private CacheFiles() {}

  /** A new root object holding {@code key}. */
  static ObjectNode root(Map<String, String> key) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode k = root.putObject("key");
    key.forEach(k::put);
    return root;
  }

  /** Writes {@code root} to {@code file} (its folder created), atomically; {@code what} names it in errors. */
  static void write(Path file, ObjectNode root, String what) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new InvalidInputException("Cannot write the " + what + " " + file + ": " + e.getMessage(), e);
    }
  }

  /** The root object of {@code file} (IOException and malformed JSON as they come, for the caller to name). */
  static JsonNode read(Path file) throws IOException {
    return JSON.readTree(Files.readString(file));
  }

  /** The {@code key} object of a root. */
  static Map<String, String> key(JsonNode root) {
    Map<String, String> key = new LinkedHashMap<>();
    need(root, "key").fields().forEachRemaining(e -> key.put(e.getKey(), e.getValue().asText()));
    return key;
  }

  /** {@code n.field}, or an IllegalArgumentException naming it. */
  static JsonNode need(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      throw new IllegalArgumentException("no '" + field + "'");
    }
    return v;
  }
}
