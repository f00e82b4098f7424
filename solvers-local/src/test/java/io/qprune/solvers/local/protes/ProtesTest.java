package io.qprune.solvers.local.protes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.Vartype;
import io.qprune.api.blackbox.BlackBoxOptimizer;
import io.qprune.api.blackbox.BlackBoxProblem;
import io.qprune.api.blackbox.BlackBoxResult;
import io.qprune.api.blackbox.BlackBoxRun;
import io.qprune.api.blackbox.Objective;
import io.qprune.api.blackbox.Optimizers;
import io.qprune.api.testing.BruteForce;
import io.qprune.api.testing.RandomModels;
import io.qprune.solvers.local.internal.BinaryForm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProtesTest {
  static BlackBoxOptimizer protes(Map<String, ?> params) {
    return Optimizers.discover().create("protes", params);
  }

  static Objective energy(Qubo q) {
    return new QuboObjective(BinaryForm.of(q), q.toBinary().offset());
  }

  @Test
  void branchAndBoundAgreesWithBruteForce() {
    for (long seed = 1; seed <= 3; seed++) {
      Qubo q = RandomModels.dense(Vartype.BINARY, 14, 9, seed);
      assertThat(BranchAndBound.minimum(q)).isEqualTo(BruteForce.minimum(q));
    }
  }

  @Test
  void aSingleRunReachesTheOptimumOfA30VariableModel() {
    Qubo q = RandomModels.dense(Vartype.BINARY, 30, 9, 303); // 301 needs restarts: see ProtesSolverTest
    BlackBoxResult r = protes(Map.of()).minimise(BlackBoxProblem.binary(30), energy(q), BlackBoxRun.of(20_000, 1));
    assertThat(r.bestValue()).isEqualTo(BranchAndBound.minimum(q));
    assertThat(q.energy(r.best())).isEqualTo(r.bestValue());
  }

  @Test
  void seedsReproduceAndDiffer() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 40, 4, 5);
    BlackBoxResult a = protes(Map.of()).minimise(BlackBoxProblem.binary(40), energy(q), BlackBoxRun.of(1500, 7));
    BlackBoxResult b = protes(Map.of()).minimise(BlackBoxProblem.binary(40), energy(q), BlackBoxRun.of(1500, 7));
    BlackBoxResult c = protes(Map.of()).minimise(BlackBoxProblem.binary(40), energy(q), BlackBoxRun.of(1500, 8));
    assertThat(b.best()).isEqualTo(a.best());
    assertThat(b.trace()).isEqualTo(a.trace());
    assertThat(c.trace()).isNotEqualTo(a.trace());
  }

  @Test
  void resumedRunEndsExactlyAsAnUninterruptedOne() {
    for (boolean constrained : new boolean[] {false, true}) {
      Qubo q = RandomModels.sparse(Vartype.BINARY, 24, 4, 9);
      BlackBoxProblem problem = constrained ? BlackBoxProblem.binary(24).withOnes(8) : BlackBoxProblem.binary(24);
      BlackBoxRun run = BlackBoxRun.of(1200, 42);
      BlackBoxResult whole = protes(Map.of()).minimise(problem, energy(q), run);
      List<byte[]> saved = new ArrayList<>();
      AtomicInteger calls = new AtomicInteger();
      Objective failing = points -> {
        if (calls.addAndGet(points.size()) > 700) {
          throw new IllegalStateException("evaluator died");
        }
        return energy(q).evaluate(points);
      };
      assertThatThrownBy(() -> protes(Map.of()).minimise(problem, failing, run.withCheckpoints(3, saved::add)))
          .hasMessageContaining("evaluator died");
      assertThat(saved).isNotEmpty();
      BlackBoxResult resumed = protes(Map.of()).minimise(problem, energy(q),
          run.resumingFrom(saved.get(saved.size() - 1)));
      assertThat(resumed.best()).isEqualTo(whole.best());
      assertThat(resumed.bestValue()).isEqualTo(whole.bestValue());
      assertThat(resumed.evaluations()).isEqualTo(whole.evaluations());
      assertThat(resumed.iterations()).isEqualTo(whole.iterations());
      assertThat(resumed.trace()).isEqualTo(whole.trace());
    }
  }

  @Test
  void resumeRejectsAStateOfAnotherProblemOrSeed() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 12, 4, 9);
    List<byte[]> saved = new ArrayList<>();
    protes(Map.of()).minimise(BlackBoxProblem.binary(12), energy(q), BlackBoxRun.of(300, 1).withCheckpoints(1, saved::add));
    byte[] state = saved.get(0);
    assertThatThrownBy(() -> protes(Map.of()).minimise(BlackBoxProblem.binary(12), energy(q),
        BlackBoxRun.of(300, 2).resumingFrom(state))).isInstanceOf(InvalidInputException.class).hasMessageContaining("seed");
    assertThatThrownBy(() -> protes(Map.of("k", 50)).minimise(BlackBoxProblem.binary(12), energy(q),
        BlackBoxRun.of(300, 1).resumingFrom(state))).isInstanceOf(InvalidInputException.class).hasMessageContaining("parameters");
    assertThatThrownBy(() -> protes(Map.of()).minimise(BlackBoxProblem.binary(13), energy(q),
        BlackBoxRun.of(300, 1).resumingFrom(state))).isInstanceOf(InvalidInputException.class).hasMessageContaining("d = 12");
    assertThatThrownBy(() -> protes(Map.of()).minimise(BlackBoxProblem.binary(12), energy(q),
        BlackBoxRun.of(300, 1).resumingFrom("{}".getBytes()))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("qprune-protes");
  }

  @Test
  void startIsEvaluatedFirstBudgetHoldsAndNoPointTwice() {
    Qubo q = RandomModels.sparse(Vartype.BINARY, 10, 4, 3);
    int[] start = {1, 0, 1, 0, 0, 1, 0, 0, 1, 0};
    List<List<int[]>> batches = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    AtomicInteger repeats = new AtomicInteger();
    Objective counting = points -> {
      batches.add(points);
      points.forEach(x -> {
        if (!seen.add(PointCache.key(x))) {
          repeats.incrementAndGet();
        }
        assertThat(x[0] + x[1] + x[2] + x[3] + x[4] + x[5] + x[6] + x[7] + x[8] + x[9]).isEqualTo(4);
      });
      return energy(q).evaluate(points);
    };
    BlackBoxResult r = protes(Map.of("max_stall", 1000)).minimise(BlackBoxProblem.binary(10).withStart(start).withOnes(4),
        counting, BlackBoxRun.of(60, 3));
    assertThat(batches.get(0)).hasSize(1);
    assertThat(batches.get(0).get(0)).isEqualTo(start);
    assertThat(seen).hasSize(60);
    assertThat(repeats.get()).isZero();
    assertThat(r.evaluations()).isEqualTo(60);
    assertThat(r.stopReason()).isEqualTo("budget");
    assertThat(r.trace().get(0).evaluations()).isEqualTo(1);
  }

  @Test
  void stopsWhenTheDistributionCollapses() {
    BlackBoxResult r = protes(Map.of("max_stall", 5)).minimise(BlackBoxProblem.binary(3),
        points -> points.stream().mapToDouble(x -> x[0] + x[1] + x[2]).toArray(), BlackBoxRun.of(1000, 1));
    assertThat(r.evaluations()).isEqualTo(8);
    assertThat(r.stopReason()).isEqualTo("stalled");
    assertThat(r.best()).containsExactly(0, 0, 0);
  }

  @Test
  void badParametersAndObjectiveOutputGiveClearErrors() {
    assertThatThrownBy(() -> protes(Map.of("k", 5, "k_top", 10))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("k_top").hasMessageContaining("10").hasMessageContaining("k = 5");
    assertThatThrownBy(() -> protes(Map.of("rank", 0))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rank");
    assertThatThrownBy(() -> protes(Map.of("lr", "fast"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lr");
    BlackBoxProblem p = BlackBoxProblem.binary(6);
    assertThatThrownBy(() -> protes(Map.of()).minimise(p, points -> new double[1], BlackBoxRun.of(50, 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 values").hasMessageContaining("batch of");
    assertThatThrownBy(() -> protes(Map.of()).minimise(p,
        points -> points.stream().mapToDouble(x -> x[0] == 1 ? Double.NaN : 0).toArray(), BlackBoxRun.of(50, 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN").hasMessageContaining("finite");
  }

  @Test
  void printsSamplingAndGradientThroughput() {
    int d = 256;
    Objective sum = points -> points.stream().mapToDouble(x -> java.util.Arrays.stream(x).sum()).toArray();
    BlackBoxRun run = BlackBoxRun.of(Long.MAX_VALUE, 1);
    Map<String, Object> params = Map.of("max_stall", 1_000_000);
    protes(params).minimise(BlackBoxProblem.binary(d), sum, BlackBoxRun.of(20_000, 1)); // warm-up
    AtomicInteger iterations = new AtomicInteger();
    io.qprune.api.Cancellation c = io.qprune.api.Cancellation.create();
    long t0 = System.nanoTime();
    BlackBoxResult r = protes(params).minimise(BlackBoxProblem.binary(d), sum, run.withCancellation(c)
        .withListener((i, e, b) -> {
          if (iterations.incrementAndGet() == 200) {
            c.cancel();
          }
        }));
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("PROTES throughput at d=%d, n=2, r=5, K=100: %.1f iterations/s (%d iterations in %.2f s)%n",
        d, r.iterations() / s, r.iterations(), s);
    assertThat(r.stopReason()).isEqualTo("cancelled");
  }
}
