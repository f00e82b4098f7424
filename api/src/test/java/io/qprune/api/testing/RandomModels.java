package io.qprune.api.testing;

import io.qprune.api.Qubo;
import io.qprune.api.QuboBuilder;
import io.qprune.api.Vartype;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random models for solver tests: integer biases, so optimum energies compare exactly. */
public final class RandomModels {
  private RandomModels() {}

  /** A dense model with integer biases in [-range, range]. */
  public static Qubo dense(Vartype vartype, int n, int range, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    QuboBuilder b = Qubo.builder(vartype, n);
    for (int i = 0; i < n; i++) {
      b.addLinear(i, r.nextInt(-range, range + 1));
      for (int j = i + 1; j < n; j++) {
        b.addQuadratic(i, j, r.nextInt(-range, range + 1));
      }
    }
    b.addOffset(r.nextInt(-range, range + 1));
    return b.build();
  }

  /** A sparse model where each variable has about {@code degree} random neighbours. */
  public static Qubo sparse(Vartype vartype, int n, int degree, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    QuboBuilder b = Qubo.builder(vartype, n);
    for (int i = 0; i < n; i++) {
      b.addLinear(i, r.nextInt(-10, 11));
    }
    long edges = (long) n * degree / 2;
    for (long e = 0; e < edges && n > 1; e++) {
      int i = r.nextInt(n);
      int j = r.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
      b.addQuadratic(i, j, r.nextInt(-10, 11));
    }
    return b.build();
  }

  /** A dense model whose variables are labelled "v0", "v1", ... */
  public static Qubo labelled(Vartype vartype, int n, long seed) {
    Qubo q = dense(vartype, n, 5, seed);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add("v" + i);
    }
    QuboBuilder b = Qubo.builder(vartype, n).labels(labels);
    for (int i = 0; i < n; i++) {
      b.addLinear(i, q.linear(i));
    }
    q.forEachInteraction(b::addQuadratic);
    b.addOffset(q.offset());
    return b.build();
  }
}
