package io.qprune.formulation.data;

import io.qprune.api.InvalidInputException;
import java.util.Arrays;

/** An immutable image as channel-major floats on the 0–255 scale (channels × height × width). */
public final class Image {
  private final int channels;
  private final int height;
  private final int width;
  private final float[] data;

  private Image(int channels, int height, int width, float[] data) {
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.data = data;
  }

  /** Copies {@code data} (laid out channels × height × width) into a new image. */
  public static Image of(int channels, int height, int width, float[] data) {
    if (channels < 1 || height < 1 || width < 1) {
      throw new InvalidInputException(
          "Image dimensions must be positive, got " + channels + "x" + height + "x" + width);
    }
    if (data.length != (long) channels * height * width) {
      throw new InvalidInputException(
          "Image data has " + data.length + " values, expected " + channels + "x" + height + "x"
              + width);
    }
    return new Image(channels, height, width, data.clone());
  }

  /** Wraps an array the caller hands over and never touches again. */
  static Image wrap(int channels, int height, int width, float[] data) {
    return new Image(channels, height, width, data);
  }

  public int channels() {
    return channels;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int size() {
    return data.length;
  }

  /** The value at channel {@code c}, row {@code y}, column {@code x}. */
  public float get(int c, int y, int x) {
    return data[(c * height + y) * width + x];
  }

  /** A copy of the pixels, channels × height × width. */
  public float[] pixels() {
    return data.clone();
  }

  /** Copies the pixels into {@code dest} at {@code offset}. */
  public void copyTo(float[] dest, int offset) {
    System.arraycopy(data, 0, dest, offset, data.length);
  }

  /** The {@code h × w} window whose top-left corner is ({@code y}, {@code x}). */
  public Image crop(int y, int x, int h, int w) {
    if (y < 0 || x < 0 || h < 1 || w < 1 || y + h > height || x + w > width) {
      throw new InvalidInputException(
          "Crop " + h + "x" + w + " at (" + y + "," + x + ") is outside a " + height + "x" + width
              + " image");
    }
    float[] out = new float[channels * h * w];
    for (int c = 0; c < channels; c++) {
      for (int r = 0; r < h; r++) {
        System.arraycopy(data, (c * height + y + r) * width + x, out, (c * h + r) * w, w);
      }
    }
    return new Image(channels, h, w, out);
  }

  /** This image with {@code mode}'s channel count: luma (BT.601, rounded) or replicated grey. */
  public Image convert(ColorMode mode) {
    if (mode.channels() == channels) {
      return this;
    }
    int n = height * width;
    if (mode == ColorMode.GREY && channels == 3) {
      float[] out = new float[n];
      for (int i = 0; i < n; i++) {
        out[i] = Math.round(0.299f * data[i] + 0.587f * data[n + i] + 0.114f * data[2 * n + i]);
      }
      return new Image(1, height, width, out);
    }
    if (mode == ColorMode.RGB && channels == 1) {
      float[] out = new float[3 * n];
      for (int c = 0; c < 3; c++) {
        System.arraycopy(data, 0, out, c * n, n);
      }
      return new Image(3, height, width, out);
    }
    throw new InvalidInputException("Cannot convert a " + channels + "-channel image to " + mode);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image
        && ((Image) o).channels == channels
        && ((Image) o).height == height
        && Arrays.equals(((Image) o).data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * channels + height) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Image[" + channels + "x" + height + "x" + width + "]";
  }
}
