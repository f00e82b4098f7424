package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** Which part of a by-photo split an image belongs to. */
public enum Split {
  TRAIN,
  VAL,
  TEST;

  /** Parses {@code train}, {@code val} or {@code test}. */
  public static Split parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Unknown split '" + text + "'. Maybe use train, val or test.", e);
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
