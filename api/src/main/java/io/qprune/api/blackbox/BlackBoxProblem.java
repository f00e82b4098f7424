package io.qprune.api.blackbox;

import io.qprune.api.InvalidInputException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to search: d positions each taking one of n choices, an optional starting point the search
 * is centred on (and evaluates first), and for binary problems an optional exact count of ones
 * that every candidate must keep.
 */
public final class BlackBoxProblem {
  private final int dimensions;
  private final int choices;
  private final int[] start;
  private final Integer ones;

  private BlackBoxProblem(int dimensions, int choices, int[] start, Integer ones) {
    if (dimensions < 1) {
      throw new InvalidInputException("A black-box problem needs at least 1 dimension, got " + dimensions);
    }
    if (choices < 2) {
      throw new InvalidInputException("Each position needs at least 2 choices, got " + choices);
    }
    if (start != null) {
      if (start.length != dimensions) {
        throw new InvalidInputException("The start point has " + start.length + " positions; the problem has "
            + dimensions);
      }
      for (int i = 0; i < start.length; i++) {
        if (start[i] < 0 || start[i] >= choices) {
          throw new InvalidInputException("Start point position " + i + " is " + start[i] + "; choices are 0.."
              + (choices - 1));
        }
      }
    }
    if (ones != null) {
      if (choices != 2) {
        throw new InvalidInputException("An exact count of ones needs a binary problem (2 choices), got " + choices);
      }
      if (ones < 0 || ones > dimensions) {
        throw new InvalidInputException("The count of ones must lie in 0.." + dimensions + ", got " + ones);
      }
      if (start != null && Arrays.stream(start).sum() != ones) {
        throw new InvalidInputException("The start point has " + Arrays.stream(start).sum()
            + " ones but the problem requires exactly " + ones);
      }
    }
    this.dimensions = dimensions;
    this.choices = choices;
    this.start = start == null ? null : start.clone();
    this.ones = ones;
  }

  /** d positions of n choices each, no start, no constraint. */
  public static BlackBoxProblem of(int dimensions, int choices) {
    return new BlackBoxProblem(dimensions, choices, null, null);
  }

  /** A binary problem of d positions. */
  public static BlackBoxProblem binary(int dimensions) {
    return of(dimensions, 2);
  }

  /** A copy centred on {@code point} (which is also evaluated first). */
  public BlackBoxProblem withStart(int[] point) {
    return new BlackBoxProblem(dimensions, choices, point, ones);
  }

  /** A copy in which every candidate has exactly {@code count} ones (binary problems only). */
  public BlackBoxProblem withOnes(int count) {
    return new BlackBoxProblem(dimensions, choices, start, count);
  }

  public int dimensions() {
    return dimensions;
  }

  public int choices() {
    return choices;
  }

  /** A copy of the start point, if any. */
  public Optional<int[]> start() {
    return Optional.ofNullable(start == null ? null : start.clone());
  }

  /** The required count of ones, if any. */
  public OptionalInt ones() {
    return ones == null ? OptionalInt.empty() : OptionalInt.of(ones);
  }

  /** Whether {@code x} is a point of this problem (right length, choices in range, count kept). */
  public boolean isFeasible(int[] x) {
    if (x.length != dimensions) {
      return false;
    }
    int count = 0;
    for (int v : x) {
      if (v < 0 || v >= choices) {
        return false;
      }
      count += v;
    }
    return ones == null || count == ones;
  }

  @Override
  public String toString() {
    return "BlackBoxProblem[d=" + dimensions + ", n=" + choices + (start != null ? ", start" : "")
        + (ones != null ? ", ones=" + ones : "") + "]";
  }
}
