package io.qprune.cluster.spark;

import io.qprune.api.QpruneException;
import io.qprune.api.cluster.CellTask;
import java.io.Serializable;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/** A Spark task that runs the one cell of its partition. */
final class RunCell<C extends Serializable, R extends Serializable>
    extends AbstractFunction1<Iterator<Tuple2<Integer, C>>, CellOutcome<R>> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final CellTask<C, R> task;

  RunCell(CellTask<C, R> task) {
    this.task = task;
  }

  @Override
  public CellOutcome<R> apply(Iterator<Tuple2<Integer, C>> cells) {
    Tuple2<Integer, C> cell = cells.next();
    if (cells.hasNext()) {
      throw new IllegalStateException("a campaign partition holds more than one cell");
    }
    try {
      return new CellOutcome<>(cell._1(), task.run(cell._2()), null, null);
    } catch (QpruneException e) {
      return new CellOutcome<>(cell._1(), null, e.getClass().getName(), e.getMessage());
    }
  }
}
