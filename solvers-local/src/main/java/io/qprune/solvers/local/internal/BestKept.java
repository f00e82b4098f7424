package io.qprune.solvers.local.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code capacity} lowest-energy states offered by any thread; ties keep the lower read
 * index, so which states survive depends only on which reads ran.
 */
public final class BestKept {
  private static final Comparator<Found> ORDER =
      Comparator.comparingDouble(Found::energy).thenComparingLong(Found::read);
  private final int capacity;
  private final List<Found> kept = new ArrayList<>();

  public BestKept(int capacity) {
    this.capacity = Math.max(1, capacity);
  }

  /** Offers a state; cheap to call when it would not be kept. */
  public synchronized void offer(Found f) {
    if (kept.size() == capacity && ORDER.compare(f, kept.get(capacity - 1)) >= 0) {
      return;
    }
    int pos = kept.size();
    while (pos > 0 && ORDER.compare(kept.get(pos - 1), f) > 0) {
      pos--;
    }
    kept.add(pos, f);
    if (kept.size() > capacity) {
      kept.remove(capacity);
    }
  }

  /** The energy a new state must beat to be kept (infinity while not full). */
  public synchronized double bar() {
    return kept.size() < capacity ? Double.POSITIVE_INFINITY : kept.get(capacity - 1).energy();
  }

  public synchronized List<Found> list() {
    return new ArrayList<>(kept);
  }
}
