package io.qprune.solvers.remote.internal;

import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SampleSetBuilder;
import io.qprune.api.SolveInfo;
import java.util.List;

/**
 * Re-scores every returned sample on the model: the returned set carries the local energies, and
 * a service energy that disagrees beyond the tolerance (relative, with an absolute floor of 1) is
 * a protocol error naming both values.
 */
public final class Rescore {
  private Rescore() {}

  /** One returned row: values in the model's vartype, the service's energy (NaN: none), its count. */
  public record Row(int[] values, double serviceEnergy, long count) {}

  public static SampleSet build(Qubo q, List<Row> rows, double tolerance, ServiceErrors errors,
      String jobId, SolveInfo info) {
    if (rows.isEmpty()) {
      throw errors.protocol(jobId, "the answer" + (jobId == null ? "" : " of " + jobId) + " holds no samples;"
          + " a finished job must return at least one");
    }
    SampleSetBuilder b = SampleSet.builder(q).info(info);
    int n = q.numVariables();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      if (row.values().length != n) {
        throw errors.protocol(jobId, "sample " + r + " of the answer has " + row.values().length
            + " variables; the model has " + n + ". The answer may belong to another problem.");
      }
      double local = q.energy(row.values());
      double remote = row.serviceEnergy();
      if (!Double.isNaN(remote) && !(Math.abs(local - remote) <= tolerance * Math.max(1, Math.abs(local)))) {
        throw errors.protocol(jobId, "sample " + r + " of the answer has energy " + remote
            + " according to the service, but " + local + " on the model (tolerance " + tolerance
            + " relative). The answer may belong to another problem, or the service changed the model;"
            + " raise energy_tolerance only if the service rounds biases.");
      }
      if (row.count() < 1) {
        throw errors.protocol(jobId, "sample " + r + " of the answer occurs " + row.count()
            + " times; occurrence counts must be >= 1");
      }
      b.add(row.values(), local, row.count());
    }
    return b.build();
  }
}
