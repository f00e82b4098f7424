package io.qprune.api.cluster;

import java.io.Serializable;

/**
 * The work of one campaign cell, runnable in any JVM: a serialisable cell in, a serialisable
 * result out. It must depend on nothing but the cell and its own fields, so that a cell gives the
 * same result wherever (and however often) it runs.
 *
 * @param <C> the cell type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CellTask<C extends Serializable, R extends Serializable> extends Serializable {
  /** Runs one cell. */
  R run(C cell);
}
