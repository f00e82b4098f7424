package io.qprune.cluster.spark;

import io.qprune.api.cluster.BatchEvaluator;
import io.qprune.api.cluster.EvaluatorRecipe;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluators this JVM built, by recipe id: each recipe is built once per concurrent task slot
 * and reused by every later batch; the evaluators of the least recently used recipes beyond a few
 * are closed. Shared by the tasks of an executor (and, in local mode, of the driver JVM).
 */
final class ExecutorEvaluators {
  private static final int KEPT_RECIPES = 4;
  /** Idle evaluators by recipe id, least recently used first. */
  private static final Map<String, Deque<BatchEvaluator>> IDLE = new LinkedHashMap<>(8, 0.75f, true);
  private static long builds;

  private ExecutorEvaluators() {}

  /** An evaluator of {@code recipe} for the calling task alone; give it back with {@link #release}. */
  static BatchEvaluator borrow(EvaluatorRecipe recipe) {
    synchronized (IDLE) {
      Deque<BatchEvaluator> idle = IDLE.get(recipe.id());
      if (idle != null && !idle.isEmpty()) {
        return idle.pop();
      }
      builds++;
    }
    return recipe.build(); // outside the lock: building loads a model
  }

  /** Returns an evaluator for the next task of the same recipe. */
  static void release(EvaluatorRecipe recipe, BatchEvaluator e) {
    synchronized (IDLE) {
      IDLE.computeIfAbsent(recipe.id(), k -> new ArrayDeque<>()).push(e);
      Iterator<Map.Entry<String, Deque<BatchEvaluator>>> it = IDLE.entrySet().iterator();
      while (IDLE.size() > KEPT_RECIPES && it.hasNext()) {
        it.next().getValue().forEach(BatchEvaluator::close);
        it.remove();
      }
    }
  }

  /** How many evaluators this JVM has built (for tests: one per recipe and task slot). */
  static long builds() {
    synchronized (IDLE) {
      return builds;
    }
  }
}
