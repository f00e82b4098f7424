package io.qprune.formulation.importance.io;

import io.qprune.api.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * One array read from a NumPy {@code .npy} file: its shape and either numbers (any supported
 * numeric dtype, widened to double) or strings (a unicode {@code <U} dtype), in C order.
 */
public final class NpyArray {
  private final String name;
  private final String dtype;
  private final long[] shape;
  private final double[] numbers;
  private final List<String> strings;

  NpyArray(String name, String dtype, long[] shape, double[] numbers, List<String> strings) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape;
    this.numbers = numbers;
    this.strings = strings == null ? null : List.copyOf(strings);
  }

  /** Where the array came from (file, or archive entry), for messages. */
  public String name() {
    return name;
  }

  /** The NumPy dtype string, e.g. {@code <f4}. */
  public String dtype() {
    return dtype;
  }

  /** A copy of the shape. */
  public long[] shape() {
    return shape.clone();
  }

  public boolean isString() {
    return strings != null;
  }

  /** A copy of the values of a numeric array. */
  public double[] numbers() {
    if (numbers == null) {
      throw new InvalidInputException(name + " holds strings (" + dtype + "), not numbers");
    }
    return numbers.clone();
  }

  /** The values of a 1-D array as strings (numbers as integers where whole). */
  public List<String> strings() {
    if (strings != null) {
      return strings;
    }
    return Arrays.stream(numbers).mapToObj(v -> v == Math.rint(v) ? Long.toString((long) v)
        : Double.toString(v)).toList();
  }

  /** The values of a 1-D numeric array of length {@code n}; anything else is an error. */
  public double[] vector(int n) {
    if (shape.length != 1 || shape[0] != n) {
      throw new InvalidInputException(name + " has shape " + Arrays.toString(shape)
          + "; expected (" + n + ",), one value per unit");
    }
    return numbers();
  }

  /** An {@code m × m} numeric array as rows; anything else is an error. */
  public double[][] square(int m) {
    if (shape.length != 2 || shape[0] != m || shape[1] != m) {
      throw new InvalidInputException(name + " has shape " + Arrays.toString(shape)
          + "; expected (" + m + ", " + m + ")");
    }
    double[] v = numbers();
    double[][] rows = new double[m][];
    for (int a = 0; a < m; a++) {
      rows[a] = Arrays.copyOfRange(v, a * m, (a + 1) * m);
    }
    return rows;
  }
}
