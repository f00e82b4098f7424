package io.qprune.solvers.local.internal;

import io.qprune.api.SolverFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Threads kept for the whole of one solve that run many short rounds of independent tasks (the
 * replicas' sweeps between two exchanges). Task i always runs task(i), whichever thread takes it,
 * so results do not depend on the thread count.
 */
public final class SweepPool implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;
  private final String name;

  public SweepPool(int threads, String name) {
    this.threads = Math.max(1, threads);
    this.name = name;
    this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "qprune-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  public int threads() {
    return threads;
  }

  /** Runs task(i) for i in [0, count), thread t taking i = t, t + threads, ..., and waits. */
  public void run(int count, IntConsumer task) {
    if (pool == null || count <= 1) {
      for (int i = 0; i < count; i++) {
        task.accept(i);
      }
      return;
    }
    int used = Math.min(threads, count);
    List<Callable<Void>> jobs = new ArrayList<>(used);
    for (int t = 0; t < used; t++) {
      int first = t;
      jobs.add(() -> {
        for (int i = first; i < count; i += used) {
          task.accept(i);
        }
        return null;
      });
    }
    List<Future<Void>> futures;
    try {
      futures = pool.invokeAll(jobs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SolverFailedException("Interrupted while the " + name + " replicas were sweeping", e);
    }
    for (Future<Void> f : futures) {
      ReadPool.get(f, name);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
