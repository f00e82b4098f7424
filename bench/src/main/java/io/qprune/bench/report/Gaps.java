package io.qprune.bench.report;

import io.qprune.bench.solvers.BenchRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measure every comparison and plot uses: the gap in percent of the reference value, where the
 * reference is the best-known value when one is listed, else the best objective any run of the
 * campaign found on that instance (a reference of 0 gives the gap in objective units). 0 is best.
 */
public final class Gaps {
  private final Map<String, Double> reference = new HashMap<>();
  private final Map<String, Boolean> known = new HashMap<>();

  /** The references of these rows' instances. */
  public Gaps(List<BenchRow> rows) {
    for (BenchRow r : rows) {
      if (r.bestKnown() != null) {
        reference.put(r.instance(), r.bestKnown());
        known.put(r.instance(), true);
      } else if (!known.getOrDefault(r.instance(), false)) {
        Double old = reference.get(r.instance());
        boolean better = old == null || (r.maximise() ? r.objective() > old : r.objective() < old);
        reference.put(r.instance(), better ? r.objective() : old);
        known.put(r.instance(), false);
      }
    }
  }

  /** The row's gap to its instance's reference, in percent (≥ 0 unless it beat a best-known value). */
  public double percent(BenchRow r) {
    double ref = reference.get(r.instance());
    double gap = r.maximise() ? ref - r.objective() : r.objective() - ref;
    return ref == 0 ? gap : 100 * gap / Math.abs(ref);
  }

  /** Whether the row reached its instance's reference value. */
  public boolean reached(BenchRow r) {
    return percent(r) <= 1e-9;
  }

  /** Whether the instance's reference is a listed best-known value (not the campaign's best). */
  public boolean isBestKnown(String instance) {
    return known.getOrDefault(instance, false);
  }
}
