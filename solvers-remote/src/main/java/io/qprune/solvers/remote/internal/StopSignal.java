package io.qprune.solvers.remote.internal;

/** Unwinds a solve when the caller cancels or the hard deadline passes; adapters catch it. */
public final class StopSignal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the solve stops. */
  public enum Reason { CANCELLED, EXPIRED }

  private final Reason reason;

  StopSignal(Reason reason) {
    super(reason == Reason.CANCELLED ? "cancelled by the caller" : "deadline passed", null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
