package io.qprune.cluster.spark;

import io.qprune.api.QpruneException;
import io.qprune.api.cluster.BatchEvaluator;
import io.qprune.api.cluster.EvaluatorRecipe;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/** A Spark task's share of a batch: its candidates scored as one batch by this JVM's evaluator. */
final class EvaluatePartition implements FlatMapFunction<Iterator<Tuple2<Integer, int[]>>, Tuple2<Integer, double[]>> {
  private static final long serialVersionUID = 1L;
  private final EvaluatorRecipe recipe;

  EvaluatePartition(EvaluatorRecipe recipe) {
    this.recipe = recipe;
  }

  @Override
  public Iterator<Tuple2<Integer, double[]>> call(Iterator<Tuple2<Integer, int[]>> in) {
    List<Integer> index = new ArrayList<>();
    List<int[]> candidates = new ArrayList<>();
    in.forEachRemaining(t -> {
      index.add(t._1());
      candidates.add(t._2());
    });
    if (candidates.isEmpty()) {
      return List.<Tuple2<Integer, double[]>>of().iterator();
    }
    BatchEvaluator e = ExecutorEvaluators.borrow(recipe);
    double[][] rows;
    try {
      rows = e.evaluate(candidates);
    } catch (RuntimeException ex) {
      e.close(); // its state is unknown after a failure
      throw ex;
    }
    ExecutorEvaluators.release(recipe, e);
    if (rows.length != candidates.size()) {
      throw new QpruneException("Evaluator of recipe " + recipe.id() + " returned " + rows.length
          + " rows for " + candidates.size() + " candidates");
    }
    List<Tuple2<Integer, double[]>> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      out.add(new Tuple2<>(index.get(i), rows[i]));
    }
    return out.iterator();
  }
}
