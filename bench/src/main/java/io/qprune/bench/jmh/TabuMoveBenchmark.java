package io.qprune.bench.jmh;

import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.io.Problems;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tabu moves per second of {@code tabu} on one thread: one read of a first search and two
 * perturbed restarts of about 2000·n move evaluations each per invocation (each move scans all n
 * flips). Run it with
 * {@code java -cp "bench/target/qprune.jar:bench/target/lib/*" org.openjdk.jmh.Main TabuMoveBenchmark -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class TabuMoveBenchmark {
  @Param({"../shared/data/qubo/orlib_bqp/bqp1000.gz", "../shared/data/qubo/gset/G22.gz"})
  public String instance;

  private Qubo model;
  private Solver tabu;
  private long seed;

  /** Tabu moves made, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Moves {
    public long moves;

    @Setup(Level.Iteration)
    public void reset() {
      moves = 0;
    }
  }

  @Setup
  public void load() {
    model = Problems.readAll(Path.of(instance), null).get(0).qubo();
    tabu = Solvers.discover().create("tabu", Map.of("num_reads", 1, "num_threads", 1, "num_restarts", 2,
        "coefficient_z_first", 2000, "coefficient_z_restart", 2000, "lower_bound_z", 1));
  }

  @Benchmark
  public double search(Moves moves) {
    SampleSet s = tabu.solve(model, SolveRequest.seeded(seed++));
    moves.moves += ((Number) s.info().properties().get("moves")).longValue();
    return s.first().energy();
  }
}
