package io.qprune.api.cluster;

/**
 * Receives each cell's result on the calling thread as soon as it is in, exactly once per cell;
 * the order is the order of completion, {@code index} the cell's position in the list given.
 */
@FunctionalInterface
public interface CellSink<C, R> {
  void accept(int index, C cell, R result);
}
