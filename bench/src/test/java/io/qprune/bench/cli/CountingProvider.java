package io.qprune.bench.cli;

import io.qprune.api.Capability;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveInfo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.SolverFailedException;
import io.qprune.api.spi.ParameterSpec;
import io.qprune.api.spi.Parameters;
import io.qprune.api.spi.SolverProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test solver that counts its calls: quality 1 returns the exact optimum (brute force, tiny
 * models only), quality 0 the all-low sample; {@code remote} adds a service timing as the remote
 * adapters do; {@link #failOnCall} makes one call fail, like an interrupted campaign.
 */
final class CountingProvider implements SolverProvider {
  final List<String> calls = new ArrayList<>();
  int failOnCall = -1;

  @Override
  public String name() {
    return "count";
  }

  @Override
  public String description() {
    return "counts its calls (tests)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.integer("quality", 1, 0, 1, "1: optimum, 0: all-low sample"),
        ParameterSpec.bool("remote", false, "report service_info.run_time = 2000 µs"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  public Solver create(Parameters p) {
    int quality = p.getInt("quality");
    boolean remote = p.getBoolean("remote");
    return new Solver() {
      @Override
      public String name() {
        return "count";
      }

      @Override
      public SampleSet solve(Qubo q, SolveRequest request) {
        calls.add("q" + quality + " seed " + request.seed());
        if (calls.size() == failOnCall) {
          throw new SolverFailedException("simulated crash on call " + failOnCall);
        }
        int n = q.numVariables();
        int[] best = new int[n];
        java.util.Arrays.fill(best, q.vartype().low());
        for (int mask = 0; quality == 1 && mask < 1 << n; mask++) {
          int[] x = new int[n];
          for (int i = 0; i < n; i++) {
            x[i] = q.vartype().value((mask >> i & 1) == 1);
          }
          best = q.energy(x) < q.energy(best) ? x : best;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if (remote) {
          props.put("service_info", Map.of("run_time", 2000));
        }
        return SampleSet.builder(q).add(best, q.energy(best), 1)
            .info(new SolveInfo("count", 0.001, 0.0005 * (1 + request.seed() % 3), props)).build();
      }
    };
  }
}
