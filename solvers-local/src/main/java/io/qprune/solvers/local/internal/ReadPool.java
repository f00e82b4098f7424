package io.qprune.solvers.local.internal;

import io.qprune.api.QpruneException;
import io.qprune.api.SolverFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent reads on several threads. Each read depends only on its index (and the seed
 * derived from it), so results do not depend on the thread count or on scheduling.
 */
public final class ReadPool {
  private ReadPool() {}

  /** The thread count to use: {@code requested}, or one per core when 0, never more than tasks. */
  public static int threads(int requested, int tasks) {
    int t = requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    return Math.max(1, Math.min(t, tasks));
  }

  /**
   * Runs {@code read(r)} for r in [0, numReads) and returns the results in read order; the
   * threads pull read indices from a shared counter, so no more than {@code threads} tasks exist.
   */
  @SuppressWarnings("unchecked")
  public static <R> List<R> map(int numReads, int threads, String name, IntFunction<R> read) {
    Object[] out = new Object[numReads];
    if (threads <= 1) {
      for (int r = 0; r < numReads; r++) {
        out[r] = read.apply(r);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = pool(threads, name);
      try {
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
          futures.add(pool.submit(() -> {
            for (int r = next.getAndIncrement(); r < numReads; r = next.getAndIncrement()) {
              out[r] = read.apply(r);
            }
            return null;
          }));
        }
        for (Future<?> f : futures) {
          get(f, name);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<R> list = new ArrayList<>(numReads);
    for (Object o : out) {
      list.add((R) o);
    }
    return list;
  }

  /** Runs {@code worker(t)} for t in [0, threads) concurrently and waits for all of them. */
  public static void workers(int threads, String name, IntConsumer worker) {
    map(threads, threads, name, t -> {
      worker.accept(t);
      return null;
    });
  }

  private static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "qprune-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** The task's result; its failure rethrown as it was (a QpruneException or Error) or wrapped. */
  static <R> R get(Future<R> f, String name) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SolverFailedException("Interrupted while waiting for the " + name + " reads", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof QpruneException q) {
        throw q;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new SolverFailedException("A " + name + " read failed: " + c, c);
    }
  }
}
