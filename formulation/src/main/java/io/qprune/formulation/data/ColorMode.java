package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.Locale;

/** How many colour channels the network sees: one (grey, the default) or three (RGB). */
public enum ColorMode {
  GREY(1),
  RGB(3);

  private final int channels;

  ColorMode(int channels) {
    this.channels = channels;
  }

  public int channels() {
    return channels;
  }

  /** Parses {@code grey}, {@code gray} or {@code rgb}, case-insensitive. */
  public static ColorMode parse(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "grey":
      case "gray":
        return GREY;
      case "rgb":
        return RGB;
      default:
        throw new InvalidInputException(
            "Unknown colour mode '" + text + "'. Maybe use 'grey' or 'rgb'.");
    }
  }

  /** The mode with the given channel count. */
  public static ColorMode ofChannels(int channels) {
    for (ColorMode m : values()) {
      if (m.channels == channels) {
        return m;
      }
    }
    throw new InvalidInputException("No colour mode has " + channels + " channels; use 1 or 3.");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
