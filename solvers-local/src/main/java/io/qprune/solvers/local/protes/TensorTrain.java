package io.qprune.solvers.local.protes;

import io.qprune.api.InvalidInputException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The parameters of a PROTES distribution: d cores G_1 (1×n×r), G_k (r×n×r), G_d (r×n×1) stored
 * one after another in a flat array, element G_k[a, j, b] at {@code offset(k) + (a·n + j)·right(k) + b}.
 */
final class TensorTrain {
  private final int d;
  private final int n;
  private final int rank;
  private final int[] offsets;
  private final double[] params;

  private TensorTrain(int d, int n, int rank, double[] params) {
    if (d < 1 || n < 2 || rank < 1) {
      throw new InvalidInputException("A tensor train needs d >= 1, n >= 2 and rank >= 1; got d=" + d
          + ", n=" + n + ", rank=" + rank);
    }
    this.d = d;
    this.n = n;
    this.rank = rank;
    this.offsets = new int[d + 1];
    for (int k = 0; k < d; k++) {
      offsets[k + 1] = offsets[k] + left(k) * n * right(k);
    }
    if (params.length != offsets[d]) {
      throw new InvalidInputException("A tensor train of d=" + d + ", n=" + n + ", rank=" + rank
          + " has " + offsets[d] + " parameters, got " + params.length);
    }
    this.params = params;
  }

  /** A train with the given parameters (copied). */
  static TensorTrain of(int d, int n, int rank, double[] params) {
    return new TensorTrain(d, n, rank, params.clone());
  }

  /** Entries uniform in [0, 1), as the reference implementation starts. */
  static TensorTrain random(int d, int n, int rank, SplittableRandom rng) {
    TensorTrain t = new TensorTrain(d, n, rank, new double[size(d, n, rank)]);
    for (int i = 0; i < t.params.length; i++) {
      t.params[i] = rng.nextDouble();
    }
    return t;
  }

  /**
   * A rank-1 train putting 1 − epsilon of each position's mass on {@code start[k]} (the rest spread
   * evenly), padded to {@code rank} with entries uniform in [0, noise) so Adam can use the other ranks.
   */
  static TensorTrain peaked(int[] start, int n, int rank, double epsilon, double noise, SplittableRandom rng) {
    int d = start.length;
    TensorTrain t = new TensorTrain(d, n, rank, new double[size(d, n, rank)]);
    for (int k = 0; k < d; k++) {
      for (int a = 0; a < t.left(k); a++) {
        for (int j = 0; j < n; j++) {
          for (int b = 0; b < t.right(k); b++) {
            double v = noise * rng.nextDouble();
            if (a == 0 && b == 0) {
              v = j == start[k] ? 1 - epsilon : epsilon / (n - 1);
            }
            t.params[t.index(k, a, j, b)] = v;
          }
        }
      }
    }
    return t;
  }

  private static int size(int d, int n, int rank) {
    long inner = d == 1 ? n : 2L * n * rank + (long) (d - 2) * n * rank * rank;
    if (inner > Integer.MAX_VALUE - 8) {
      throw new InvalidInputException("A tensor train of d=" + d + ", n=" + n + ", rank=" + rank
          + " needs " + inner + " parameters, more than an array holds. Maybe lower the rank");
    }
    return (int) inner;
  }

  int dimensions() {
    return d;
  }

  int choices() {
    return n;
  }

  int rank() {
    return rank;
  }

  /** The left rank of core k (0-based). */
  int left(int k) {
    return k == 0 ? 1 : rank;
  }

  /** The right rank of core k (0-based). */
  int right(int k) {
    return k == d - 1 ? 1 : rank;
  }

  int offset(int k) {
    return offsets[k];
  }

  int index(int k, int a, int j, int b) {
    return offsets[k] + (a * n + j) * right(k) + b;
  }

  double get(int i) {
    return params[i];
  }

  int size() {
    return params.length;
  }

  /** A copy of the flat parameters. */
  double[] parameters() {
    return params.clone();
  }

  /** The same shape with other parameters (copied). */
  TensorTrain with(double[] newParams) {
    return new TensorTrain(d, n, rank, newParams.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorTrain t && d == t.d && n == t.n && rank == t.rank
        && Arrays.equals(params, t.params);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(params);
  }

  @Override
  public String toString() {
    return "TensorTrain[d=" + d + ", n=" + n + ", rank=" + rank + "]";
  }
}
