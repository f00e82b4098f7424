package io.qprune.api;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag a caller sets from any thread to ask a running solve to stop and return what it has. */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** A fresh, not yet cancelled, token. */
  public static Cancellation create() {
    return new Cancellation();
  }

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
