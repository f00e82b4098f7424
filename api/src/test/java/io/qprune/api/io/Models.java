package io.qprune.api.io;

import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.util.List;
import java.util.SplittableRandom;

/** Small models for format tests: awkward real biases, integer biases, and various labels. */
final class Models {
  private Models() {}

  /** Biases with long binary expansions, so any rounding in a writer shows up. */
  static Qubo awkward(Vartype vartype, int n, double density, long seed, List<?> labels) {
    SplittableRandom r = new SplittableRandom(seed);
    QuboBuilder b = Qubo.builder(vartype, n);
    if (labels != null) {
      b.labels(labels);
    }
    for (int i = 0; i < n; i++) {
      b.addLinear(i, (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-8, 9)));
      for (int j = i + 1; j < n; j++) {
        if (r.nextDouble() < density) {
          b.addQuadratic(i, j, (r.nextDouble() - 0.5) / 3);
        }
      }
    }
    return b.addOffset(Math.PI).build();
  }

  /** Integer biases in [-range, range] at the given density. */
  static Qubo integer(int n, double density, int range, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    QuboBuilder b = Qubo.builder(Vartype.BINARY, n);
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < density) {
        b.addLinear(i, r.nextInt(-range, range + 1));
      }
      for (int j = i + 1; j < n; j++) {
        if (r.nextDouble() < density) {
          b.addQuadratic(i, j, r.nextInt(-range, range + 1));
        }
      }
    }
    return b.build();
  }

  /** All 2^n assignments of n ≤ 20 variables in the vartype's values, by bit pattern. */
  static int[] assignment(Vartype vartype, int n, int pattern) {
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = vartype.value((pattern >>> i & 1) != 0);
    }
    return x;
  }
}
