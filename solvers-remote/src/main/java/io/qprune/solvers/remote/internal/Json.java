package io.qprune.solvers.remote.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import java.io.IOException;

/** The shared Jackson mapper and strict parsing of service replies. */
public final class Json {
  /** Thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The reply body as JSON; an empty or malformed body is a protocol error naming the call. */
  public static JsonNode parse(Reply r, ServiceErrors errors, String jobId) {
    if (r.body().length == 0) {
      throw errors.protocol(jobId, r.what() + " returned HTTP " + r.status()
          + " with an empty body; expected JSON. The service or a proxy in between misbehaved; try again.");
    }
    try {
      JsonNode n = MAPPER.readTree(r.body());
      if (n == null || n.isMissingNode()) {
        throw new IOException("no JSON value");
      }
      return n;
    } catch (IOException e) {
      throw errors.protocol(jobId, r.what() + " returned a body that is not valid JSON ("
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
          + "); it starts with: " + r.excerpt(), e);
    }
  }

  /** Checks that a JSON reply's media type is application/json (or a +json type). */
  public static void requireJsonType(Reply r, ServiceErrors errors, String jobId) {
    String ct = r.contentType() == null ? "" : r.contentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!ct.equals("application/json") && !ct.endsWith("+json")) {
      throw errors.protocol(jobId, r.what() + " returned Content-Type '" + r.contentType()
          + "'; expected application/json. Maybe the endpoint points at a web page or proxy, not the API.");
    }
  }

  /** A required field, or a protocol error that names it. */
  public static JsonNode field(JsonNode n, String name, ServiceErrors errors, String jobId, String where) {
    JsonNode v = n == null ? null : n.get(name);
    if (v == null || v.isNull()) {
      throw errors.protocol(jobId, where + " lacks the field '" + name + "'"
          + (n == null ? "" : "; got: " + excerpt(n)));
    }
    return v;
  }

  /** A JSON object given as a parameter string, e.g. {@code {"num_reads": 10}}; null or empty gives {}. */
  public static ObjectNode objectParam(String solver, String name, String text) {
    if (text == null || text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new InvalidInputException("Parameter '" + name + "' of solver '" + solver + "' is '" + text
        + "'; it must be a JSON object such as {\"key\": 1}");
  }

  public static String excerpt(JsonNode n) {
    String s = n.toString();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
