package io.qprune.solvers.remote.testing;

import io.qprune.api.Qubo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.io.BqmJson;
import io.qprune.api.io.SampleSetJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load test of the remote layer on loopback (issue 16): {@code bqm-http} through one solver (one
 * HTTP client) against a sampler that closes every connection (HTTP/1.0) and against a keep-alive
 * one; 200 sequential solves, then 8 concurrent callers x 25. Reports solves vs POSTs received vs
 * jobs created, latency percentiles, and connections / threads before and after. Bounded: about
 * 1000 loopback requests. Run with {@code scripts/remote-load.sh [OUT_DIR]}.
 */
public final class RemoteLoad {
  private static final int SEQUENTIAL = 200;
  private static final int CALLERS = 8;
  private static final int PER_CALLER = 25;
  private static final int WARMUP = 20;

  private RemoteLoad() {}

  /** One server mode's figures. */
  record Row(String server, String phase, int solves, int failures, int posts, int jobs, int connections,
      double p50, double p99, double mean, int openBefore, int openAfter, int threadsBefore, int threadsAfter) {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "runs/remote-load");
    Files.createDirectories(out);
    Qubo q = Qubo.builder(6).addLinear(0, -1).addLinear(1, 0.5).addLinear(2, -0.75).addLinear(3, 1).addLinear(4, -0.2)
        .addLinear(5, 0.3).addQuadratic(0, 1, 1.5).addQuadratic(1, 2, -1).addQuadratic(2, 3, 0.5).addQuadratic(4, 5, -2)
        .build();
    String answer = SampleSetJson.write(LocalAnswers.solve(q));
    List<Row> rows = new ArrayList<>();
    for (RawHttpServer.Mode mode : new RawHttpServer.Mode[] {RawHttpServer.Mode.KEEP_ALIVE, RawHttpServer.Mode.HTTP_1_0}) {
      rows.addAll(run(mode, q, answer));
    }
    print(rows);
    write(out.resolve("remote-load.csv"), csv(rows));
    write(out.resolve("remote-load.json"), json(rows));
    System.out.println("wrote " + out.resolve("remote-load.csv") + " and " + out.resolve("remote-load.json"));
  }

  private static List<Row> run(RawHttpServer.Mode mode, Qubo q, String answer) throws Exception {
    AtomicInteger jobs = new AtomicInteger();
    RawHttpServer.Handler sampler = r -> {
      Qubo posted = BqmJson.read(new ByteArrayInputStream(r.body()), "request");
      if (posted.numVariables() != q.numVariables()) {
        throw new IOException("unexpected model");
      }
      jobs.incrementAndGet();
      return new RawHttpServer.Response(200, Map.of("Content-Type", "application/json"),
          answer.getBytes(StandardCharsets.UTF_8));
    };
    String name = mode == RawHttpServer.Mode.HTTP_1_0 ? "closing (HTTP/1.0)" : "keep-alive (HTTP/1.1)";
    List<Row> rows = new ArrayList<>();
    try (RawHttpServer server = RawHttpServer.start(sampler, mode, 0)) {
      Map<String, Object> p = Stubs.fast(server.base() + "/sample");
      p.put("max_retries", 0);
      Solver solver = Solvers.discover().create("bqm-http", p);
      for (int i = 0; i < WARMUP; i++) {
        solver.solve(q, SolveRequest.seeded(i));
      }
      rows.add(phase(name, "sequential 200", server, jobs, () -> {
        List<double[]> r = new ArrayList<>();
        r.add(times(solver, q, SEQUENTIAL));
        return r;
      }));
      rows.add(phase(name, "8 callers x 25", server, jobs, () -> {
        ExecutorService ex = Executors.newFixedThreadPool(CALLERS);
        try {
          List<Future<double[]>> fs = new ArrayList<>();
          for (int c = 0; c < CALLERS; c++) {
            fs.add(ex.submit(() -> times(solver, q, PER_CALLER)));
          }
          List<double[]> r = new ArrayList<>();
          for (Future<double[]> f : fs) {
            r.add(f.get());
          }
          return r;
        } finally {
          ex.shutdown();
          ex.awaitTermination(1, TimeUnit.MINUTES);
        }
      }));
    }
    return rows;
  }

  interface Phase {
    List<double[]> run() throws Exception;
  }

  private static Row phase(String name, String label, RawHttpServer server, AtomicInteger jobs, Phase body) throws Exception {
    int posts0 = server.requests();
    int jobs0 = jobs.get();
    int conns0 = server.connections();
    int open0 = server.openConnections();
    int threads0 = clientThreads();
    java.util.Set<String> names0 = threadNames();
    List<double[]> parts = body.run();
    Thread.sleep(200); // let closed connections finish on both sides
    java.util.Set<String> added = threadNames();
    added.removeAll(names0);
    System.out.println(name + ", " + label + ": threads that appeared: " + (added.isEmpty() ? "none" : added));
    double[] all = parts.stream().flatMapToDouble(Arrays::stream).filter(d -> !Double.isNaN(d)).sorted().toArray();
    int solves = parts.stream().mapToInt(a -> a.length).sum();
    int failures = solves - all.length;
    return new Row(name, label, solves, failures, server.requests() - posts0, jobs.get() - jobs0,
        server.connections() - conns0, pct(all, 0.5), pct(all, 0.99), Arrays.stream(all).average().orElse(Double.NaN),
        open0, server.openConnections(), threads0, clientThreads());
  }

  /** Live threads of this JVM, less the test server's own. */
  private static int clientThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("raw-http-server")).count();
  }

  private static java.util.Set<String> threadNames() {
    java.util.Set<String> s = new java.util.TreeSet<>();
    Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("raw-http-server"))
        .forEach(t -> s.add(t.getName() + "#" + t.getId()));
    return s;
  }

  /** Milliseconds per solve; NaN for a failed one. */
  private static double[] times(Solver s, Qubo q, int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      try {
        s.solve(q, SolveRequest.seeded(i));
        t[i] = (System.nanoTime() - t0) / 1e6;
      } catch (RuntimeException e) {
        System.err.println("solve failed: " + e.getMessage());
        t[i] = Double.NaN;
      }
    }
    return t;
  }

  private static double pct(double[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static void print(List<Row> rows) {
    String f = "%-22s %-15s %6s %5s %6s %5s %6s %8s %8s %8s %12s %12s%n";
    System.out.printf(Locale.ROOT, f, "server", "phase", "solves", "fail", "POSTs", "jobs", "conns", "p50 ms", "p99 ms",
        "mean ms", "open bef/aft", "thr bef/aft");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, f, r.server(), r.phase(), r.solves(), r.failures(), r.posts(), r.jobs(),
          r.connections(), fmt(r.p50()), fmt(r.p99()), fmt(r.mean()), r.openBefore() + "/" + r.openAfter(),
          r.threadsBefore() + "/" + r.threadsAfter());
    }
    for (int i = 0; i < 2; i++) {
      Row keep = rows.get(i);
      Row close = rows.get(i + 2);
      System.out.printf(Locale.ROOT, "overhead of closing vs keep-alive, %s: p50 %+.3f ms, p99 %+.3f ms%n",
          keep.phase(), close.p50() - keep.p50(), close.p99() - keep.p99());
    }
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static String csv(List<Row> rows) {
    StringBuilder b = new StringBuilder("server,phase,solves,failures,posts,jobs,connections,p50_ms,p99_ms,mean_ms,"
        + "server_open_before,server_open_after,threads_before,threads_after\n");
    for (Row r : rows) {
      b.append(String.join(",", r.server(), r.phase(), "" + r.solves(), "" + r.failures(), "" + r.posts(), "" + r.jobs(),
          "" + r.connections(), fmt(r.p50()), fmt(r.p99()), fmt(r.mean()), "" + r.openBefore(), "" + r.openAfter(),
          "" + r.threadsBefore(), "" + r.threadsAfter())).append('\n');
    }
    return b.toString();
  }

  private static String json(List<Row> rows) throws IOException {
    return io.qprune.solvers.remote.internal.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
