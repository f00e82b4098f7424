package io.qprune.bench.jmh;

import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.io.Problems;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-flip attempts per second of {@code sa} on one thread: one read of {@code sweeps} sweeps
 * of the default geometric schedule per invocation, counted as n × sweeps attempts (the figure
 * dwave-samplers' C++ SA is quoted with). Run it with
 * {@code java -cp "bench/target/qprune.jar:bench/target/lib/*" org.openjdk.jmh.Main SaFlipBenchmark -t 1}
 * from the repository root (see docs/results.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SaFlipBenchmark {
  @Param("../shared/data/qubo/gset/G22.gz")
  public String instance;

  @Param("10000")
  public int sweeps;

  private Qubo model;
  private Solver sa;
  private long seed;

  /**
   * Flip attempts done, reported by JMH as a rate next to the invocation rate. Each iteration also
   * prints the rate per second of this thread's CPU time, which a shared machine's load does not
   * dilute the way it dilutes wall time.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Attempts {
    public long flipAttempts;
    private long cpuStart;

    @Setup(Level.Iteration)
    public void reset() {
      flipAttempts = 0;
      cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void report() {
      double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf(Locale.ROOT, "%n  flip attempts per CPU second: %.4g%n", flipAttempts / cpu);
    }
  }

  @Setup
  public void load() {
    model = Problems.readAll(Path.of(instance), null).get(0).qubo();
    sa = Solvers.discover().create("sa", Map.of("num_reads", 1, "num_sweeps", sweeps, "num_threads", 1));
  }

  @Benchmark
  public double anneal(Attempts attempts) {
    SampleSet s = sa.solve(model, SolveRequest.seeded(seed++));
    attempts.flipAttempts += ((Number) s.info().properties().get("flip_attempts")).longValue();
    return s.first().energy();
  }
}
