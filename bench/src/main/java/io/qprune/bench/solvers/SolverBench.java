package io.qprune.bench.solvers;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.cluster.Cluster;
import io.qprune.api.cluster.Clusters;
import io.qprune.api.io.Problem;
import io.qprune.api.io.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs every cell of a plan — each instance × solver label × time limit × repeat — in this process
 * in that order, or spread over a cluster, reusing the rows of cells already done (a resumed
 * campaign) instead of running them again.
 */
public final class SolverBench {
  private final Solvers registry;
  private final BenchPlan plan;

  public SolverBench(Solvers registry, BenchPlan plan) {
    this.registry = registry;
    this.plan = plan;
  }

  /** Creates every solver up front, so a bad name or parameter fails before any run. */
  public List<Solver> createSolvers() {
    List<Solver> out = new ArrayList<>();
    for (SolverEntry s : plan.solvers()) {
      try {
        out.add(registry.create(s.solver(), s.parameters()));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("Solver '" + s.label() + "' (" + s.origin() + "): " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Every cell's row, in plan order: taken from {@code done} when there, else run in this process
   * and also handed to {@code sink} as it comes.
   */
  public List<BenchRow> run(Map<Cell, BenchRow> done, Consumer<BenchRow> sink) {
    try (Cluster local = Clusters.open(Clusters.IN_PROCESS)) {
      return run(local, done, sink);
    }
  }

  /**
   * Every cell's row, in plan order: taken from {@code done} when there, else run on
   * {@code cluster} (one task per cell) and handed to {@code sink} on this thread as each arrives.
   */
  public List<BenchRow> run(Cluster cluster, Map<Cell, BenchRow> done, Consumer<BenchRow> sink) {
    createSolvers();
    List<Path> files = InstanceFiles.expand(plan.instances());
    Pattern filter = plan.filterPattern();
    BestKnown best = new BestKnown();
    List<BenchRow> rows = new ArrayList<>();
    List<SolveCell> todo = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    for (Path file : files) {
      String key = file.toAbsolutePath().normalize().toString();
      List<Problem> all = Problems.readAll(file, null);
      for (Problem p : all) {
        if (filter != null && !filter.matcher(p.name()).matches()) {
          continue;
        }
        problems.put(key, all);
        Double known = best.lookup(file, p.name());
        for (SolverEntry entry : plan.solvers()) {
          for (double limit : plan.timeLimits()) {
            for (int r = 0; r < plan.repeats(); r++) {
              Cell cell = new Cell(p.name(), entry.label(), r, plan.seed() + r, limit);
              rows.add(done.get(cell));
              if (rows.get(rows.size() - 1) == null) {
                todo.add(SolveCell.of(key, p.name(), entry, cell, known));
                slots.add(rows.size() - 1);
              }
            }
          }
        }
      }
    }
    CampaignTask task = new CampaignTask(Clusters.isInProcess(cluster.url()) ? Map.of() : shipped(problems.keySet()),
        problems, registry);
    cluster.run(task, todo, (i, cell, row) -> {
      rows.set(slots.get(i), row);
      sink.accept(row);
    });
    return rows;
  }

  /** The instance files' bytes, for executors that may not see this machine's folders. */
  private static Map<String, CampaignTask.InstanceBytes> shipped(Iterable<String> keys) {
    Map<String, CampaignTask.InstanceBytes> out = new HashMap<>();
    for (String k : keys) {
      Path f = Path.of(k);
      try {
        byte[] b = Files.readAllBytes(f);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        out.put(k, new CampaignTask.InstanceBytes(f.getFileName().toString(), b, digest));
      } catch (IOException e) {
        throw new InvalidInputException("Cannot read instance file " + f + ": " + e.getMessage(), e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
