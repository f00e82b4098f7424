package io.qprune.api.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * A parsed JSON document that remembers its text, so that a problem found while interpreting it
 * can be reported with the line of the offending value.
 */
final class JsonDoc {
  /** Lenient on Python's NaN/Infinity tokens (so they get a clear message), strict otherwise. */
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  final String source;
  final JsonNode root;
  private final String text;

  private JsonDoc(String source, String text, JsonNode root) {
    this.source = source;
    this.text = text;
    this.root = root;
  }

  static JsonDoc parse(String text, String source) {
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonNode root = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new FormatException(source, p.currentTokenLocation().getLineNr(), "more content "
            + "after the end of the JSON document; a file must hold exactly one document");
      }
      return new JsonDoc(source, text, root);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new FormatException(source, line, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FormatException(source, 0, "cannot read the JSON: " + e.getMessage(), e);
    }
  }

  /** An error about the value at a JSON pointer such as {@code /linear_biases/3}. */
  FormatException error(String pointer, String problem) {
    return new FormatException(source, lineOf(pointer), problem);
  }

  /** A pointer as people read it: {@code /vectors/energy/data/2} becomes {@code vectors.energy.data[2]}. */
  static String display(String pointer) {
    if (pointer.isEmpty()) {
      return "the document";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      if (part.matches("\\d+")) {
        sb.append('[').append(part).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  private int lineOf(String pointer) {
    try (JsonParser p = MAPPER.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
          continue;
        }
        JsonStreamContext ctx = p.getParsingContext();
        JsonStreamContext owner = t.isStructStart() ? ctx.getParent() : ctx;
        if (owner.pathAsPointer().toString().equals(pointer)) {
          return p.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException e) {
      return 0; // the text parsed before, so this does not happen; no line is better than none
    }
    return 0;
  }
}
