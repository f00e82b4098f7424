package io.qprune.api.cluster;

import java.io.Serializable;

/**
 * What it takes to build a {@link BatchEvaluator} in any JVM (a model's bytes, the validation data
 * settings and seeds, ...): shipped to cluster executors, which build the evaluator once and keep
 * it for every later batch of the same recipe.
 */
public interface EvaluatorRecipe extends Serializable {
  /**
   * A key that is equal for recipes that build identical evaluators (e.g. a hash of the content),
   * under which an executor caches what {@link #build()} made.
   */
  String id();

  /** Builds the evaluator in this JVM; expensive, so called once per JVM and {@link #id()}. */
  BatchEvaluator build();
}
