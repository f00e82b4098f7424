package io.qprune.formulation.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/** A block that creates and registers its parameters (weights seeded He-normal, running stats frozen). */
interface ParamFactory {
  Parameter param(String name, Parameter.Type type, Shape shape);

  /** The builder every qprune network uses for a parameter of {@code type}, weights seeded by (seed, name). */
  static Parameter build(long seed, String name, Parameter.Type type, Shape shape) {
    Parameter.Builder b = Parameter.builder().setName(name).setType(type).optShape(shape);
    if (type == Parameter.Type.WEIGHT) {
      b.optInitializer(new SeededInit(seed, name));
    }
    if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
      b.optRequiresGrad(false);
    }
    return b.build();
  }
}
