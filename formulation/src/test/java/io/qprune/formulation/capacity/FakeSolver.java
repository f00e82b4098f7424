package io.qprune.formulation.capacity;

import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SampleSetBuilder;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/** A misbehaving solver: ignores the model and any constraint, returning a fixed number of ones. */
final class FakeSolver implements Solver {
  private final IntUnaryOperator ones; // call number -> how many ones to return
  int calls;

  FakeSolver(IntUnaryOperator ones) {
    this.ones = ones;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public SampleSet solve(Qubo model, SolveRequest request) {
    int n = model.numVariables();
    int c = Math.max(0, Math.min(n, ones.applyAsInt(calls++)));
    SplittableRandom r = new SplittableRandom(request.seed());
    int[] x = new int[n];
    int set = 0;
    while (set < c) {
      int i = r.nextInt(n);
      if (x[i] == 0) {
        x[i] = 1;
        set++;
      }
    }
    SampleSetBuilder b = SampleSet.builder(model);
    b.add(x, model.energy(x), 1);
    return b.build();
  }
}
