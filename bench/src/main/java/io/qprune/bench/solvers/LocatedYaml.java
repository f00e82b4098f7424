package io.qprune.bench.solvers;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into plain values that remember their line (Jackson's token location), so
 * that errors about a value can name the line it is on; Jackson's own trees forget it.
 */
final class LocatedYaml {
  /**
   * A value — {@code Map<String, Node>}, {@code List<Node>}, String, Number, Boolean or null — and
   * its line: inside a mapping, the line of its key.
   */
  record Node(Object value, int line) {
    /** The value with the lines dropped: maps, lists and scalars. */
    Object plain() {
      if (value instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put((String) k, ((Node) v).plain()));
        return out;
      }
      if (value instanceof List<?> l) {
        return l.stream().map(v -> ((Node) v).plain()).toList();
      }
      return value;
    }
  }

  private LocatedYaml() {}

  static Node read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("Plan file " + file + " does not exist. Check the path.");
    }
    try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
      if (p.nextToken() == null) {
        throw new InvalidInputException("Plan file " + file + " is empty; see bench/plans/example.yaml");
      }
      return node(p, file, line(p));
    } catch (JacksonException e) {
      throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read plan file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Node node(JsonParser p, Path file, int line) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = line(p);
          p.nextToken();
          if (m.put(key, node(p, file, keyLine)) != null) {
            throw new InvalidInputException(file + " line " + keyLine + ": key '" + key
                + "' appears twice in the same mapping; keep one");
          }
        }
        return new Node(m, line);
      }
      case START_ARRAY -> {
        List<Node> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(node(p, file, line(p)));
        }
        return new Node(l, line);
      }
      case VALUE_STRING -> {
        return new Node(p.getText(), line);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node(p.getNumberValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node(t == JsonToken.VALUE_TRUE, line);
      }
      case VALUE_NULL -> {
        return new Node(null, line);
      }
      default -> throw new InvalidInputException(file + " line " + line + ": unexpected YAML token " + t);
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
