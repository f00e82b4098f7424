package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/** He-normal initialisation from a Java RNG seeded per parameter, so a seed fixes the weights. */
final class SeededInit implements Initializer {
  private final long seed;

  SeededInit(long seed, String parameterName) {
    this.seed = seed * 0x9E3779B97F4A7C15L + parameterName.hashCode();
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    long fanIn = shape.size() / shape.get(0);
    double std = Math.sqrt(2.0 / fanIn);
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      double u1 = 1.0 - rng.nextDouble();
      double u2 = rng.nextDouble();
      v[i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    }
    return manager.create(v, shape).toType(dataType, false);
  }
}
