package io.qprune.formulation.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qprune.api.Capability;
import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SampleSet;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.formulation.importance.UnitLayout;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapacitySearchTest {
  private static final Solvers SOLVERS = Solvers.discover();
  private static final SolveRequest SEED = SolveRequest.seeded(7);

  private static Selection run(Solver s, Set<Capability> caps, ExactK mode, Qubo q, int k,
      LayerGuards g) {
    return new CapacitySearch(s, caps, CapacityOptions.defaults().withMode(mode)).select(q, k, g, SEED);
  }

  @Test
  void withAnExactSolverEveryHitOfKIsTheSliceOptimum() {
    UnitLayout layout = TestModels.layout(5, 6, 5);
    Solver exact = SOLVERS.create("exact", Map.of());
    LayerGuards none = LayerGuards.none(layout.size());
    int hits = 0;
    for (long seed = 1; seed <= 3; seed++) {
      Qubo q = TestModels.pruning(layout, 0.3, seed);
      for (int k = 1; k < layout.size(); k += 2) {
        Selection s = new CapacitySearch(exact, Set.of(), CapacityOptions.defaults().withPolish(false))
            .select(q, k, none, SEED);
        assertThat(s.mask().kept()).isEqualTo(k);
        assertThat(s.energy()).isCloseTo(q.energy(s.mask().toBits()), within(1e-9));
        if (s.solverHitK()) {
          hits++;
          assertThat(s.energy()).as("seed %d k %d", seed, k)
              .isCloseTo(TestModels.sliceOptimum(q, k, none), within(1e-9));
          assertThat(s.repairFlips()).isZero();
        }
      }
    }
    assertThat(hits).as("bisection reaches k for most k").isGreaterThan(15);
  }

  @Test
  void countsFollowTheOffsetAndTheBoundDecidesEveryVariable() {
    UnitLayout layout = TestModels.layout(4, 4, 4);
    Qubo q = TestModels.pruning(layout, 0.5, 3);
    Solver exact = SOLVERS.create("exact", Map.of());
    double b = CapacitySearch.bound(q);
    SampleSet lo = exact.solve(CapacitySearch.shifted(q, -b), SEED);
    SampleSet hi = exact.solve(CapacitySearch.shifted(q, b), SEED);
    assertThat(lo.first().values()).containsOnly(1);
    assertThat(hi.first().values()).containsOnly(0);
    // an offset changes every energy on the slice by the same constant
    int[] x = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1};
    assertThat(CapacitySearch.shifted(q, 0.25).energy(x) - q.energy(x)).isCloseTo(0.25 * 7, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 17, 24})
  void aSolverReturningTheWrongCountStillYieldsExactlyK(int ones) {
    UnitLayout layout = TestModels.layout(8, 8, 8);
    Qubo q = TestModels.pruning(layout, 0.2, 11);
    LayerGuards g = LayerGuards.of(layout, 1, 1.0);
    for (ExactK mode : new ExactK[] {ExactK.SEARCH, ExactK.NATIVE, ExactK.PENALTY}) {
      FakeSolver bad = new FakeSolver(call -> ones);
      Selection s = run(bad, EnumSet.of(Capability.CARDINALITY), mode, q, 15, g);
      assertThat(s.mask().kept()).as("mode %s", mode).isEqualTo(15);
      assertThat(g.satisfiedBy(toBools(s))).isTrue();
      assertThat(s.solverHitK()).isEqualTo(ones == 15);
      assertThat(bad.calls).isEqualTo(mode == ExactK.SEARCH ? 30 : 1);
      // polish leaves no improving swap: the result is a local optimum of the slice
      assertThat(s.energy()).isLessThanOrEqualTo(localBest(q, toBools(s), g) + 1e-12);
    }
  }

  @Test
  void aSolverWhoseCountJumpsAroundStillEndsAtK() {
    UnitLayout layout = TestModels.layout(6, 6);
    Qubo q = TestModels.pruning(layout, 0.2, 5);
    FakeSolver erratic = new FakeSolver(call -> call % 2 == 0 ? 12 : 0);
    Selection s = run(erratic, Set.of(), ExactK.SEARCH, q, 7, LayerGuards.none(12));
    assertThat(s.mask().kept()).isEqualTo(7);
    assertThat(s.steps()).hasSize(30);
    assertThat(s.steps()).extracting(SearchStep::kept).containsOnly(0, 12);
  }

  @Test
  void guardsKeepAUnitInEveryLayerAndLimitPruningPerLayer() {
    UnitLayout layout = TestModels.layout(4, 4, 4, 4);
    // layer 0 is worthless: without guards it would be pruned entirely
    Qubo q = Qubo.builder(16).addLinear(0, 0.5).addLinear(1, 0.5).addLinear(2, 0.5).addLinear(3, 0.5)
        .addLinear(4, -1).addLinear(8, -1).addLinear(12, -1).build();
    Solver sa = SOLVERS.create("sa", Map.of("num_reads", 4));
    LayerGuards one = LayerGuards.of(layout, 1, 1.0);
    Selection s = run(sa, Set.of(), ExactK.SEARCH, q, 4, one);
    assertThat(one.keptPerLayer(toBools(s))).containsExactly(1, 1, 1, 1);
    LayerGuards half = LayerGuards.of(layout, 1, 0.5);
    Selection h = run(sa, EnumSet.of(Capability.CARDINALITY), ExactK.NATIVE, q, 9, half);
    assertThat(java.util.Arrays.stream(half.keptPerLayer(toBools(h))).min().getAsInt()).isGreaterThanOrEqualTo(2);
    assertThat(h.mask().kept()).isEqualTo(9);
    assertThatThrownBy(() -> run(sa, Set.of(), ExactK.SEARCH, q, 7, half))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("require (8 units)");
  }

  @Test
  void nativeModeNeedsTheCapabilityAndUsesIt() {
    UnitLayout layout = TestModels.layout(10, 10);
    Qubo q = TestModels.pruning(layout, 0.3, 2);
    Solver tabu = SOLVERS.create("tabu", Map.of());
    Selection s = run(tabu, SOLVERS.provider("tabu").capabilities(), ExactK.AUTO, q, 13,
        LayerGuards.none(20));
    assertThat(s.mode()).isEqualTo(ExactK.NATIVE);
    assertThat(s.solverHitK()).isTrue();
    assertThat(s.mask().kept()).isEqualTo(13);
    assertThatThrownBy(() -> run(tabu, Set.of(), ExactK.NATIVE, q, 13, LayerGuards.none(20)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exact_k: search");
  }

  private static boolean[] toBools(Selection s) {
    int[] b = s.mask().toBits();
    boolean[] x = new boolean[b.length];
    for (int i = 0; i < b.length; i++) {
      x[i] = b[i] == 1;
    }
    return x;
  }

  /** The lowest energy one guard-respecting swap away from x (x itself included). */
  private static double localBest(Qubo q, boolean[] x, LayerGuards g) {
    double best = q.energy(x);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        if (x[i] && !x[j]) {
          boolean[] y = x.clone();
          y[i] = false;
          y[j] = true;
          if (g.satisfiedBy(y)) {
            best = Math.min(best, q.energy(y));
          }
        }
      }
    }
    return best;
  }

  @Test
  void everyStepKeepsWhatTheSolverSaidAboutItsCall() {
    UnitLayout layout = TestModels.layout(4, 4, 4);
    Qubo q = TestModels.pruning(layout, 0.5, 3);
    Solver exact = SOLVERS.create("exact", Map.of());
    int[] call = {0};
    Solver talking = new Solver() {
      @Override
      public String name() {
        return "talking";
      }

      @Override
      public SampleSet solve(Qubo model, SolveRequest request) {
        SampleSet s = exact.solve(model, request);
        return s.withInfo(new io.qprune.api.SolveInfo("talking", 0, 0, Map.of("call", call[0]++)));
      }
    };
    Selection s = run(talking, Set.of(), ExactK.SEARCH, q, 5, LayerGuards.none(layout.size()));
    assertThat(s.steps()).isNotEmpty();
    for (int i = 0; i < s.steps().size(); i++) {
      assertThat(s.steps().get(i).solverInfo()).containsEntry("call", i);
    }
  }
}
