package io.qprune.solvers.remote.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One HTTP response, read in full: status, content type, Retry-After (null if absent) and body. */
public record Reply(int status, String contentType, Duration retryAfter, byte[] body, String what) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The start of the body for messages (at most 200 characters, one line). */
  public String excerpt() {
    String t = text().replaceAll("\\s+", " ").strip();
    return t.length() <= 200 ? t : t.substring(0, 200) + "...";
  }
}
