package io.qprune.cluster.spark;

import java.io.Serializable;

/**
 * What a cell's task sends back: its result, or the failure of the cell's own work (a solver
 * error is the cell's answer and is not retried; a lost executor is Spark's to retry).
 */
record CellOutcome<R extends Serializable>(int index, R result, String errorType, String error)
    implements Serializable {}
