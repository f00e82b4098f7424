package io.qprune.solvers.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service's code and message from an error body: SAPI's {@code {"error_code","error_msg"}},
 * the Digital Annealer's {@code {"error":{"code","title","message"}}}, common {@code message} /
 * {@code detail} shapes, or plain text.
 */
public record ErrorBody(String code, String message) {

  /** Parses any of the known shapes; plain text becomes the message. */
  public static ErrorBody parse(Reply r) {
    String text = r.text().strip();
    if (text.isEmpty()) {
      return new ErrorBody(null, null);
    }
    try {
      JsonNode n = Json.MAPPER.readTree(text);
      if (n != null && n.isObject()) {
        if (n.has("error_code") || n.has("error_msg")) {
          return new ErrorBody(str(n.get("error_code")), str(n.get("error_msg")));
        }
        JsonNode e = n.get("error");
        if (e != null && e.isObject()) {
          String title = str(e.get("title"));
          String msg = str(e.get("message"));
          return new ErrorBody(str(e.get("code")), title == null ? msg : msg == null ? title : title + ": " + msg);
        }
        if (e != null && e.isTextual()) {
          return new ErrorBody(str(n.get("code")), e.asText());
        }
        for (String k : new String[] {"message", "detail", "error_message"}) {
          if (n.hasNonNull(k)) {
            return new ErrorBody(str(n.get("code")), n.get(k).isTextual() ? n.get(k).asText() : n.get(k).toString());
          }
        }
      }
    } catch (java.io.IOException | RuntimeException notJson) {
      // plain text, below
    }
    return new ErrorBody(null, r.excerpt());
  }

  private static String str(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** {@code " (error_code 400: message)"}, or empty when the body said nothing. */
  public String describe() {
    if (code == null && message == null) {
      return "";
    }
    return " (" + (code == null ? "" : "code " + code + (message == null ? "" : ": ")) + (message == null ? "" : message) + ")";
  }
}
