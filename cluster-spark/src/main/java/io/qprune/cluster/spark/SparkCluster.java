package io.qprune.cluster.spark;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.cluster.CellSink;
import io.qprune.api.cluster.CellTask;
import io.qprune.api.cluster.Cluster;
import io.qprune.api.cluster.EvaluatorRecipe;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * A qprune cluster on a Spark context: an evaluation batch is one job whose tasks each score a
 * share of the candidates ({@code mapPartitions}), a campaign one job with one task per cell whose
 * results reach the caller as each task ends. Failed tasks (a lost executor) are Spark's to retry.
 */
final class SparkCluster implements Cluster {
  /** How long to wait for a standalone cluster's first executor (system property, seconds). */
  static final String EXECUTOR_WAIT = "qprune.spark.executor_wait_s";
  private final String url;
  private final JavaSparkContext jsc;

  private SparkCluster(String url, JavaSparkContext jsc) {
    this.url = url;
    this.jsc = jsc;
  }

  static SparkCluster start(String url) {
    SparkConf conf = SparkSettings.of(url); // an unreachable master is reported here, plainly
    JavaSparkContext jsc;
    try {
      jsc = new JavaSparkContext(conf);
    } catch (RuntimeException e) {
      throw new InvalidInputException("Cannot start Spark on " + url + ": " + e.getMessage(), e);
    }
    SparkCluster c = new SparkCluster(url, jsc);
    if (url.startsWith("spark://")) {
      c.awaitExecutors(Long.getLong(EXECUTOR_WAIT, 60));
    }
    return c;
  }

  private void awaitExecutors(long seconds) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (jsc.sc().statusTracker().getExecutorInfos().length < 2) { // the driver counts as one
      if (System.nanoTime() > end) {
        close();
        throw new InvalidInputException("No Spark executor joined from " + url + " within " + seconds
            + " s: check that its workers are up with a free core and spark.executor.memory ("
            + jsc.getConf().get("spark.executor.memory", "1g") + ") to spare");
      }
      sleep(100);
    }
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public int parallelism() {
    return jsc.defaultParallelism();
  }

  @Override
  public double[][] evaluate(EvaluatorRecipe recipe, List<int[]> candidates) {
    if (candidates.isEmpty()) {
      return new double[0][];
    }
    List<Tuple2<Integer, int[]>> indexed = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      indexed.add(new Tuple2<>(i, candidates.get(i)));
    }
    int slices = Math.min(candidates.size(), Math.max(1, parallelism()));
    List<Tuple2<Integer, double[]>> rows;
    try {
      rows = jsc.parallelize(indexed, slices).mapPartitions(new EvaluatePartition(recipe)).collect();
    } catch (Exception e) { // Scala throws the checked SparkException undeclared
      throw failure("Evaluation batch of " + candidates.size() + " candidates failed on " + url, e);
    }
    double[][] out = new double[candidates.size()][];
    for (Tuple2<Integer, double[]> r : rows) {
      if (out[r._1()] != null) {
        throw new QpruneException("Candidate " + r._1() + " came back twice from " + url);
      }
      out[r._1()] = r._2();
    }
    return out;
  }

  @Override
  public <C extends Serializable, R extends Serializable> void run(CellTask<C, R> task, List<C> cells,
      CellSink<? super C, ? super R> sink) {
    if (cells.isEmpty()) {
      return;
    }
    List<Tuple2<Integer, C>> indexed = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      indexed.add(new Tuple2<>(i, cells.get(i)));
    }
    JavaRDD<Tuple2<Integer, C>> rdd = jsc.parallelize(indexed, cells.size()); // one cell per task
    BlockingQueue<CellOutcome<R>> arrived = new LinkedBlockingQueue<>();
    @SuppressWarnings("unchecked")
    scala.collection.immutable.Seq<Object> partitions = (scala.collection.immutable.Seq<Object>) (Object)
        CollectionConverters.asScala(IntStream.range(0, cells.size()).boxed().toList()).toList();
    // runs on Spark's scheduler thread: only hand over, the caller's sink runs on this thread
    SimpleFutureAction<BoxedUnit> job = jsc.sc().submitJob(rdd.rdd(), new RunCell<>(task), partitions,
        (partition, outcome) -> {
          arrived.add(outcome);
          return BoxedUnit.UNIT;
        }, () -> BoxedUnit.UNIT);
    boolean[] seen = new boolean[cells.size()];
    int received = 0;
    try {
      while (received < cells.size()) {
        CellOutcome<R> o = arrived.poll(200, TimeUnit.MILLISECONDS);
        if (o == null) {
          if (job.isCompleted() && arrived.isEmpty()) {
            job.get(); // throws the job's failure
            throw new QpruneException("Spark finished the campaign job with " + received + " of "
                + cells.size() + " cells reported");
          }
          continue;
        }
        if (seen[o.index()]) {
          continue; // Spark reports a partition once; this only guards the sink
        }
        seen[o.index()] = true;
        received++;
        if (o.error() != null) {
          String msg = "Cell " + o.index() + " (" + cells.get(o.index()) + ") failed: " + o.error();
          throw o.errorType().equals(InvalidInputException.class.getName()) ? new InvalidInputException(msg)
              : new QpruneException(msg);
        }
        sink.accept(o.index(), cells.get(o.index()), o.result());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QpruneException("Interrupted while waiting for the campaign on " + url, e);
    } catch (SparkException e) {
      throw failure("Campaign job failed on " + url, e);
    } finally {
      if (!job.isCompleted()) {
        job.cancel();
      }
    }
  }

  private static QpruneException failure(String what, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = e instanceof SparkException || root == e ? e.getMessage() : e.getMessage() + " / " + root;
    return new QpruneException(what + ": " + detail, e);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QpruneException("Interrupted while waiting for Spark executors", e);
    }
  }

  @Override
  public void close() {
    jsc.stop();
  }
}
