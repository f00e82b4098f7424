package io.qprune.solvers.local.internal;

import io.qprune.api.SampleSet;
import io.qprune.api.SampleSetBuilder;
import io.qprune.api.SolveInfo;
import java.util.List;
import java.util.Map;

/** Turns the states the reads ended with into a {@link SampleSet} of the source model. */
public final class Results {
  private Results() {}

  /**
   * One row per state, energies recomputed on the source model; time to best is when the
   * lowest-energy state was first found.
   */
  public static SampleSet build(BinaryForm m, List<Found> found, String solver, double totalSeconds,
      Map<String, Object> props) {
    SampleSetBuilder b = SampleSet.builder(m.source);
    double best = Double.POSITIVE_INFINITY;
    double timeToBest = Double.NaN;
    for (Found f : found) {
      int[] v = m.values(f.bits());
      double e = m.source.energy(v);
      b.add(v, e, 1);
      if (e < best || (e == best && f.seconds() < timeToBest)) {
        best = e;
        timeToBest = f.seconds();
      }
    }
    return b.info(new SolveInfo(solver, totalSeconds, timeToBest, props)).build();
  }
}
