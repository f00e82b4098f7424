package io.qprune.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.qprune.api.Cancellation;
import io.qprune.api.Capability;
import io.qprune.api.Cardinality;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.api.Vartype;
import io.qprune.api.spi.SolverProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every solver must meet; a solver's test class extends this and supplies its
 * provider. Energies are recomputed from samples, seeds reproduce, time limits and cancellation
 * are honoured, models of up to 20 variables are solved to the exact optimum, bad parameters are
 * rejected.
 */
public abstract class SolverConformance {

  /** The provider under test. */
  protected abstract SolverProvider provider();

  /** Parameters for the correctness tests: must find the optimum of models up to 20 variables. */
  protected Map<String, Object> parameters() {
    return Map.of();
  }

  /** Parameter sets that must be rejected (besides an unknown name, which every solver rejects). */
  protected List<Map<String, Object>> invalidParameters() {
    return List.of();
  }

  /** A model that takes this solver far longer than a second without a time limit. */
  protected Qubo longModel() {
    return RandomModels.sparse(Vartype.BINARY, 5000, 8, 99);
  }

  /** Parameters that, on {@link #longModel()}, would run far longer than a second. */
  protected Map<String, Object> longRunParameters() {
    return parameters();
  }

  /** Slack allowed over a time limit (solvers stop at their next check, then build the result). */
  protected Duration timeLimitSlack() {
    return Duration.ofMillis(2500);
  }

  protected final Solver solver(Map<String, Object> params) {
    return Solvers.of(List.of(provider())).create(provider().name(), params);
  }

  static final int[] SIZES = {1, 2, 3, 5, 8, 12, 16, 20};

  @Test
  void providerIsDiscoverableByServiceLoader() {
    assertThat(Solvers.discover().names()).contains(provider().name());
  }

  @Test
  void solverCarriesItsProvidersCapabilities() {
    assertThat(solver(parameters()).capabilities()).isEqualTo(provider().capabilities());
  }

  @Test
  void returnedEnergiesAreTheModelsEnergiesOfTheReturnedSamples() {
    Solver s = solver(parameters());
    for (Vartype vt : Vartype.values()) {
      for (int n : new int[] {4, 13, 24}) {
        Qubo q = RandomModels.dense(vt, n, 7, 1000 + n);
        SampleSet set = s.solve(q, SolveRequest.seeded(5));
        assertThat(set.size()).as("rows for n=%d", n).isPositive();
        assertThat(set.vartype()).isEqualTo(vt);
        assertThat(set.numVariables()).isEqualTo(n);
        for (int r = 0; r < set.size(); r++) {
          assertThat(set.energy(r)).as("energy of row %d, n=%d, %s", r, n, vt)
              .isCloseTo(q.energy(set.sample(r).values()), org.assertj.core.data.Offset.offset(1e-9));
          if (r > 0) {
            assertThat(set.energy(r)).isGreaterThanOrEqualTo(set.energy(r - 1));
          }
        }
      }
    }
  }

  @Test
  void sameSeedReproducesTheSameSamples() {
    Solver s = solver(parameters());
    Qubo q = RandomModels.sparse(Vartype.BINARY, 24, 6, 7);
    SampleSet a = s.solve(q, SolveRequest.seeded(123));
    SampleSet b = s.solve(q, SolveRequest.seeded(123));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void solvesEveryModelUpTo20VariablesExactly() {
    Solver s = solver(parameters());
    for (Vartype vt : Vartype.values()) {
      for (int n : SIZES) {
        Qubo q = RandomModels.dense(vt, n, 9, 31L * n + vt.ordinal());
        double opt = BruteForce.minimum(q);
        SampleSet set = s.solve(q, SolveRequest.seeded(n));
        assertThat(set.first().energy()).as("best energy, n=%d, %s", n, vt).isEqualTo(opt);
      }
    }
    Qubo labelled = RandomModels.labelled(Vartype.BINARY, 10, 3);
    SampleSet set = s.solve(labelled, SolveRequest.seeded(1));
    assertThat(set.first().energy()).isEqualTo(BruteForce.minimum(labelled));
    assertThat(set.labels()).isEqualTo(labelled.labels());
  }

  @Test
  void emptyModelGivesTheOffset() {
    Qubo q = Qubo.builder(0).addOffset(2.5).build();
    SampleSet set = solver(parameters()).solve(q, SolveRequest.seeded(1));
    assertThat(set.first().energy()).isEqualTo(2.5);
  }

  @Test
  void honoursTheTimeLimit() {
    assumeThat(provider().capabilities()).contains(Capability.TIME_LIMIT);
    Qubo q = longModel();
    Solver s = solver(longRunParameters());
    Duration limit = Duration.ofMillis(300);
    long t0 = System.nanoTime();
    SampleSet set = s.solve(q, SolveRequest.seeded(1).withTimeLimit(limit));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(took).isLessThan(limit.plus(timeLimitSlack()));
    assertThat(set.size()).isPositive();
    assertThat(set.first().energy()).isCloseTo(q.energy(set.first().values()),
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void stopsWhenCancelled() {
    Qubo q = longModel();
    Solver s = solver(longRunParameters());
    Cancellation c = Cancellation.create();
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
    try {
      ex.schedule(c::cancel, 200, TimeUnit.MILLISECONDS);
      long t0 = System.nanoTime();
      s.solve(q, SolveRequest.seeded(1).withCancellation(c));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).isLessThan(Duration.ofMillis(200).plus(timeLimitSlack()));
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void rejectsUnknownAndInvalidParameters() {
    assertThatThrownBy(() -> solver(Map.of("no_such_parameter", 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no_such_parameter");
    List<Map<String, Object>> bad = new ArrayList<>(invalidParameters());
    for (Map<String, Object> p : bad) {
      assertThatThrownBy(() -> solver(p)).as("parameters %s", p)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(p.keySet().iterator().next());
    }
  }

  @Test
  void keepsExactCardinalityWhenDeclared() {
    assumeThat(provider().capabilities()).contains(Capability.CARDINALITY);
    Solver s = solver(parameters());
    for (int n : new int[] {5, 10, 16}) {
      Qubo q = RandomModels.dense(Vartype.BINARY, n, 9, 77L + n);
      Cardinality c = Cardinality.exactly(n / 3);
      SampleSet set = s.solve(q, SolveRequest.seeded(2).withCardinality(c));
      for (int r = 0; r < set.size(); r++) {
        assertThat(c.isSatisfiedBy(set.sample(r).values(), Vartype.BINARY)).isTrue();
      }
      assertThat(set.first().energy()).as("constrained optimum, n=%d", n)
          .isEqualTo(BruteForce.minimum(q, c));
    }
  }

  @Test
  void keepsPerGroupCountsWhenDeclared() {
    assumeThat(provider().capabilities()).contains(Capability.GROUP_CARDINALITY);
    Solver s = solver(parameters());
    Qubo q = RandomModels.dense(Vartype.BINARY, 12, 9, 5);
    int[] groupOf = {0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2};
    Cardinality c = Cardinality.perGroup(groupOf, new int[] {1, 3, 2});
    SampleSet set = s.solve(q, SolveRequest.seeded(3).withCardinality(c));
    assertThat(c.isSatisfiedBy(set.first().values(), Vartype.BINARY)).isTrue();
    assertThat(set.first().energy()).isEqualTo(BruteForce.minimum(q, c));
  }
}
