package io.qprune.solvers.remote.internal;

import java.util.Objects;

/**
 * An API token: its value only goes into request headers; {@link #toString()} and
 * {@link #redact(String)} keep it out of messages and logs.
 */
public final class Secret {
  static final String MASK = "***";
  private final String value;
  private final String source;

  private Secret(String value, String source) {
    this.value = value;
    this.source = source;
  }

  /** A token read from {@code source} (an environment variable or file name, never the value). */
  public static Secret of(String value, String source) {
    Objects.requireNonNull(value, "value");
    return new Secret(value.strip(), source);
  }

  /** The token, for an authentication header. */
  public String reveal() {
    return value;
  }

  /** Where the token came from, e.g. {@code $DWAVE_API_TOKEN}. */
  public String source() {
    return source;
  }

  /** The text with every occurrence of the token replaced by {@code ***}. */
  public String redact(String text) {
    if (text == null || value.isEmpty()) {
      return text;
    }
    return text.replace(value, MASK);
  }

  @Override
  public String toString() {
    return "Secret[" + MASK + " from " + source + "]";
  }
}
