package io.qprune.bench.solvers;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solvers;
import io.qprune.api.cluster.CellTask;
import io.qprune.api.io.Problem;
import io.qprune.api.io.Problems;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one campaign cell in any JVM: the instance files travel inside the task (read once on the
 * driver), so executors need no shared folder; each JVM parses a file once. In the driver's own
 * process the problems it already read and its solver registry are used as they are.
 */
final class CampaignTask implements CellTask<SolveCell, BenchRow> {
  private static final long serialVersionUID = 1L;
  /** Solve-info properties that carry a search rate, in order of preference, with their unit. */
  private static final List<String[]> RATES = List.of(new String[] {"sweeps_per_second", "sweeps/s"},
      new String[] {"moves_per_second", "moves/s"}, new String[] {"flips_per_second", "flips/s"});
  /** Files parsed in this JVM, by digest. */
  private static final Map<String, List<Problem>> PARSED = new ConcurrentHashMap<>();

  private final Map<String, InstanceBytes> files;
  private final transient Map<String, List<Problem>> driverProblems;
  private final transient Solvers driverRegistry;

  /** A file's content and a digest of it (the executors' cache key). */
  record InstanceBytes(String name, byte[] bytes, String digest) implements Serializable {}

  CampaignTask(Map<String, InstanceBytes> files, Map<String, List<Problem>> driverProblems, Solvers registry) {
    this.files = files;
    this.driverProblems = driverProblems;
    this.driverRegistry = registry;
  }

  @Override
  public BenchRow run(SolveCell c) {
    Problem p = problem(c);
    Solvers registry = driverRegistry != null ? driverRegistry : Solvers.discover();
    Cell cell = c.cell();
    SolveRequest req = SolveRequest.seeded(cell.seed()).withTimeLimitSeconds(cell.timeLimitSeconds());
    long t0 = System.nanoTime();
    SampleSet set = registry.create(c.solver(), c.solverParameters()).solve(p.qubo(), req);
    double wall = (System.nanoTime() - t0) / 1e9;
    double rate = Double.NaN;
    String unit = "";
    for (String[] r : RATES) {
      Object v = set.info().properties().get(r[0]);
      if (v instanceof Number num && Double.isNaN(rate)) {
        rate = num.doubleValue();
        unit = r[1];
      }
    }
    return new BenchRow(p.name(), p.qubo().numVariables(), c.solver(), c.label(), cell.repeat(), cell.seed(),
        cell.timeLimitSeconds(), p.objective(set.first().energy()), p.maximise(), c.bestKnown(),
        set.info().timeToBestSeconds(), wall, ServiceTime.seconds(set.info()), rate, unit);
  }

  private Problem problem(SolveCell c) {
    List<Problem> all = driverProblems != null ? driverProblems.get(c.file()) : null;
    if (all == null) {
      InstanceBytes f = files.get(c.file());
      if (f == null) {
        throw new InvalidInputException("Cell " + c + " names file " + c.file() + ", which the campaign did not ship");
      }
      all = PARSED.computeIfAbsent(f.digest(), k -> parse(f));
    }
    for (Problem p : all) {
      if (p.name().equals(c.instance())) {
        return p;
      }
    }
    throw new InvalidInputException("No instance " + c.instance() + " in " + c.file());
  }

  /** Parses shipped bytes through a temporary file of the same name (formats are told by name). */
  private static List<Problem> parse(InstanceBytes f) {
    try {
      Path dir = Files.createTempDirectory("qprune-instance-");
      Path tmp = dir.resolve(f.name());
      try {
        Files.write(tmp, f.bytes());
        return Problems.readAll(tmp, null);
      } finally {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new QpruneException("Cannot unpack instance file " + f.name() + " on this executor: " + e, e);
    }
  }
}
