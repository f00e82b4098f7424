package io.qprune.formulation.model;

import ai.djl.engine.Engine;
import io.qprune.api.QpruneException;

/** Starts DJL's PyTorch engine offline with a chosen number of intra-op threads. */
public final class Torch {
  private static volatile Engine engine;

  private Torch() {}

  /**
   * Sets the thread count used when the engine starts (it cannot change afterwards): call before
   * any array is made. {@code threads <= 0} leaves PyTorch's default.
   */
  public static synchronized void configure(int threads) {
    if (engine != null) {
      return;
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (threads > 0) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }

  /**
   * Sets PyTorch's intra-op thread count from now on (the engine is started if needed) and returns
   * the previous count, so that a benchmark can time 1 and 2 threads in one run.
   */
  public static synchronized int setThreads(int threads) {
    engine();
    int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
    ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    return before;
  }

  /** The PyTorch engine, started on first use. */
  public static synchronized Engine engine() {
    if (engine == null) {
      configure(0);
      try {
        engine = Engine.getEngine("PyTorch");
      } catch (RuntimeException e) {
        throw new QpruneException(
            "Cannot start DJL's PyTorch engine offline: " + e.getMessage()
                + ". Maybe the pytorch-native-cpu jar is missing from the class path.", e);
      }
    }
    return engine;
  }
}
