package io.qprune.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import java.io.IOException;
import java.util.Map;

/**
 * Builds a Jackson tree from a parser while noting the line of every value by its dotted path
 * ({@code refine.layers}, {@code solvers[1].name}): Jackson's own trees forget where they came from.
 * Numbers keep their exact type (int, long, big integer; floats as double), as untyped binding does.
 */
final class LocatedTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final Map<String, Integer> lines;

  private LocatedTree(String name, Map<String, Integer> lines) {
    this.name = name;
    this.lines = lines;
  }

  /** The document at the parser's current token; fills {@code lines} (the root is {@code ""}). */
  static JsonNode read(JsonParser p, String name, Map<String, Integer> lines) throws IOException {
    lines.put("", line(p));
    return new LocatedTree(name, lines).node(p, "");
  }

  private JsonNode node(JsonParser p, String path) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          String child = path.isEmpty() ? key : path + "." + key;
          int keyLine = line(p);
          if (o.has(key)) {
            throw new InvalidInputException(name + ":" + keyLine + ": key '" + child
                + "' appears twice in the same mapping; keep one");
          }
          lines.put(child, keyLine);
          p.nextToken();
          o.set(key, node(p, child));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String child = path + "[" + a.size() + "]";
          lines.put(child, line(p));
          a.add(node(p, child));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new InvalidInputException(name + ":" + line(p) + ": unexpected " + t
          + " (a config holds mappings, lists, text, numbers and true/false)");
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
