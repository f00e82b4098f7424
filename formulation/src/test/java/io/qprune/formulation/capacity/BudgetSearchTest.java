package io.qprune.formulation.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.CappedCost;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.importance.UnitLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetSearchTest {
  private static final Solvers SOLVERS = Solvers.discover();
  private static final SolveRequest SEED = SolveRequest.seeded(7);

  /** A conv-like cost: per-unit terms plus pairs between consecutive layers (inputs × outputs). */
  static QuadraticCost chainCost(UnitLayout layout, long seed) {
    Random r = new Random(seed);
    int n = layout.size();
    double[] lin = new double[n];
    for (int i = 0; i < n; i++) {
      lin[i] = 1 + 5 * r.nextDouble();
    }
    List<int[]> pairs = new ArrayList<>();
    for (int l = 1; l < layout.numLayers(); l++) {
      for (int a = 0; a < layout.layerSize(l - 1); a++) {
        for (int b = 0; b < layout.layerSize(l); b++) {
          pairs.add(new int[] {layout.member(l - 1, a), layout.member(l, b)});
        }
      }
    }
    int[] pi = pairs.stream().mapToInt(p -> p[0]).toArray();
    int[] pj = pairs.stream().mapToInt(p -> p[1]).toArray();
    double[] pw = new double[pi.length];
    for (int k = 0; k < pw.length; k++) {
      pw[k] = 2 * r.nextDouble();
    }
    return new QuadraticCost("flops", n, 3, lin, pi, pj, pw);
  }

  private static boolean feasibleSwapImproves(Qubo q, QuadraticCost c, boolean[] x, double lo, double hi,
      LayerGuards g) {
    double e = q.energy(x);
    for (int off = 0; off < x.length; off++) {
      for (int on = 0; on < x.length; on++) {
        if (!x[off] || x[on]) {
          continue;
        }
        boolean[] y = x.clone();
        y[off] = false;
        y[on] = true;
        double cy = c.value(y);
        if (g.satisfiedBy(y) && cy <= hi && cy >= lo && q.energy(y) < e - 1e-9) {
          return true;
        }
      }
    }
    return false;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.5, 0.7})
  void withAnExactSolverTheMaskMeetsTheBudgetAndNoFeasibleSwapImprovesIt(double fraction) {
    UnitLayout layout = TestModels.layout(5, 6, 5);
    Solver exact = SOLVERS.create("exact", Map.of());
    LayerGuards g = LayerGuards.of(layout, 1, 1.0);
    Budget b = new Budget(CostKind.FLOPS, fraction, 0.05);
    for (long seed = 1; seed <= 3; seed++) {
      Qubo q = TestModels.pruning(layout, 0.3, seed);
      QuadraticCost c = chainCost(layout, seed);
      BudgetSearch.Result r = new BudgetSearch(exact, CapacityOptions.defaults()).select(q, c, b, g, SEED);
      boolean[] x = r.selection().mask().toBits().length == 0 ? null : bits(r);
      double spent = c.value(x);
      assertThat(spent).isEqualTo(r.cost()).isLessThanOrEqualTo(b.limit(c.total()));
      assertThat(b.within(spent, c.total())).as("seed %d: cost %.3f of %.3f", seed, spent, c.total()).isTrue();
      assertThat(g.satisfiedBy(x)).isTrue();
      assertThat(r.lambda()).isPositive();
      assertThat(r.budgeted().numVariables()).isEqualTo(q.numVariables());
      assertThat(feasibleSwapImproves(q, c, x, b.floor(c.total()), b.limit(c.total()), g)).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 16})
  void aSolverIgnoringTheModelStillEndsWithinTheBudget(int ones) {
    UnitLayout layout = TestModels.layout(5, 6, 5);
    Qubo q = TestModels.pruning(layout, 0.2, 4);
    QuadraticCost c = chainCost(layout, 4);
    LayerGuards g = LayerGuards.of(layout, 1, 1.0);
    Budget b = new Budget(CostKind.FLOPS, 0.5, 0.05);
    BudgetSearch.Result r = new BudgetSearch(new FakeSolver(call -> ones), CapacityOptions.defaults())
        .select(q, c, b, g, SEED);
    assertThat(r.cost()).isLessThanOrEqualTo(b.limit(c.total()));
    assertThat(b.within(r.cost(), c.total())).isTrue();
    assertThat(r.selection().solverHitK()).isFalse();
    assertThat(g.satisfiedBy(bits(r))).isTrue();
  }

  @Test
  void baselinesStopAtTheBudgetAndTheKnapsackNearsTheBruteForceOptimumInTheWindow() {
    UnitLayout layout = TestModels.layout(4, 5, 4);
    int n = layout.size();
    LayerGuards g = LayerGuards.of(layout, 1, 1.0);
    Random r = new Random(5);
    double[] score = new double[n];
    double[] lin = new double[n];
    for (int i = 0; i < n; i++) {
      score[i] = r.nextDouble();
      lin[i] = 1 + 9 * r.nextDouble();
    }
    QuadraticCost linear = new QuadraticCost("flops", n, 0, lin, new int[0], new int[0], new double[0]);
    Budget b = new Budget(CostKind.FLOPS, 0.4, 0.05);
    boolean[] greedy = BudgetBaselines.greedy(score, linear, b, g);
    boolean[] knap = BudgetBaselines.knapsack(score, linear, b, g);
    double limit = b.limit(linear.total());
    assertThat(linear.value(greedy)).isLessThanOrEqualTo(limit);
    assertThat(linear.value(knap)).isLessThanOrEqualTo(limit);
    double best = 0;
    for (int m = 0; m < 1 << n; m++) {
      boolean[] x = new boolean[n];
      for (int i = 0; i < n; i++) {
        x[i] = (m >> i & 1) == 1;
      }
      if (g.satisfiedBy(x) && b.within(linear.value(x), linear.total())) {
        best = Math.max(best, sum(score, x));
      }
    }
    assertThat(b.within(linear.value(knap), linear.total())).isTrue();
    assertThat(sum(score, knap)).isGreaterThanOrEqualTo(0.98 * best);
    QuadraticCost chain = chainCost(layout, 9);
    boolean[] k2 = BudgetBaselines.knapsack(score, chain, b, g);
    assertThat(b.within(chain.value(k2), chain.total())).isTrue();
    assertThat(b.within(chain.value(BudgetBaselines.greedy(score, chain, b, g)), chain.total())).isTrue();
  }

  /** A second cost of other weights over the same units, for caps. */
  private static QuadraticCost otherCost(UnitLayout layout, long seed) {
    QuadraticCost c = chainCost(layout, seed);
    Random r = new Random(seed + 100);
    double[] lin = c.linear().clone();
    for (int i = 0; i < lin.length; i++) {
      lin[i] = i % 3 == 0 ? 20 * r.nextDouble() : 0.1 * lin[i]; // every third unit is the expensive one here
    }
    return new QuadraticCost("latency", c.n(), 1, lin, c.pairI(), c.pairJ(), c.pairW());
  }

  @ParameterizedTest
  @ValueSource(strings = {"exact", "sa"})
  void underACapTheMaskMeetsBothTheBudgetWindowAndTheCapWhichTheUncappedSearchBreaks(String solverName) {
    UnitLayout layout = TestModels.layout(5, 6, 5);
    Solver solver = SOLVERS.create(solverName, Map.of());
    LayerGuards g = LayerGuards.of(layout, 1, 1.0);
    Budget b = new Budget(CostKind.FLOPS, 0.5, 0.05);
    for (long seed = 1; seed <= 3; seed++) {
      Qubo q = TestModels.pruning(layout, 0.3, seed);
      QuadraticCost flops = chainCost(layout, seed);
      QuadraticCost latency = otherCost(layout, seed);
      BudgetSearch.Result free = new BudgetSearch(solver, CapacityOptions.defaults()).select(q, flops, b, g, SEED);
      double freeShare = latency.value(bits(free)) / latency.total();
      double minShare = minShareInWindow(flops, latency, b, g);
      assertThat(minShare).isLessThan(freeShare);
      double cap = minShare + 0.75 * (freeShare - minShare); // binding (the uncapped answer is above it), and feasible
      CappedCost capped = new CappedCost(flops, List.of(new CappedCost.Cap(latency, cap)));
      BudgetSearch.Result r = new BudgetSearch(solver, CapacityOptions.defaults()).select(q, capped, b, g, SEED);
      boolean[] x = bits(r);
      assertThat(latency.value(x)).as("seed %d", seed).isLessThanOrEqualTo(cap * latency.total() * (1 + 1e-9));
      assertThat(latency.value(bits(free))).isGreaterThan(cap * latency.total());
      assertThat(flops.value(x)).isLessThanOrEqualTo(b.limit(flops.total()) * (1 + 1e-12));
      assertThat(b.within(flops.value(x), flops.total())).as("seed %d: flops %.4f", seed, flops.value(x) / flops.total())
          .isTrue();
      assertThat(g.satisfiedBy(x)).isTrue();
      assertThat(capped.capExcess(x)).isZero();
      assertThat(r.capWeight()).isGreaterThanOrEqualTo(0);
    }
  }

  /** By enumeration: the least share of {@code other} among the masks in {@code b}'s window of {@code c}. */
  private static double minShareInWindow(QuadraticCost c, QuadraticCost other, Budget b, LayerGuards g) {
    int n = c.n();
    double best = Double.POSITIVE_INFINITY;
    boolean[] x = new boolean[n];
    for (int m = 0; m < 1 << n; m++) {
      for (int i = 0; i < n; i++) {
        x[i] = (m >> i & 1) == 1;
      }
      if (g.satisfiedBy(x) && b.within(c.value(x), c.total())) {
        best = Math.min(best, other.value(x) / other.total());
      }
    }
    return best;
  }

  @Test
  void theRepairBringsAMaskUnderItsCapsAndAddsOnlyUnitsThatKeepThem() {
    UnitLayout layout = TestModels.layout(5, 6, 5);
    QuadraticCost flops = chainCost(layout, 3);
    QuadraticCost latency = otherCost(layout, 3);
    CappedCost capped = new CappedCost(flops, List.of(new CappedCost.Cap(latency, 0.3)));
    LayerGuards g = LayerGuards.of(layout, 1, 1.0);
    Budget b = new Budget(CostKind.FLOPS, 0.6, 0.5);
    Qubo q = TestModels.pruning(layout, 0.3, 3);
    boolean[] all = new boolean[layout.size()];
    java.util.Arrays.fill(all, true);
    BudgetRepair repair = new BudgetRepair(q, capped, b, g, null);
    assertThat(repair.feasible(all)).isFalse();
    boolean[] x = repair.repair(all);
    assertThat(latency.value(x)).isLessThanOrEqualTo(0.3 * latency.total() * (1 + 1e-9));
    assertThat(flops.value(x)).isLessThanOrEqualTo(b.limit(flops.total()));
    assertThat(repair.feasible(x)).as("flops %.3f", flops.value(x) / flops.total()).isTrue();
    // the same repair without the cap stops far above it
    boolean[] y = new BudgetRepair(q, flops, b, g, null).repair(all);
    assertThat(latency.value(y)).isGreaterThan(0.3 * latency.total());
  }

  @Test
  void aBudgetBelowWhatTheGuardsAllowIsAnErrorNamingIt() {
    UnitLayout layout = TestModels.layout(4, 4);
    QuadraticCost c = chainCost(layout, 2);
    LayerGuards g = LayerGuards.of(layout, 3, 1.0);
    Budget b = new Budget(CostKind.FLOPS, 0.05, 0.01);
    assertThatThrownBy(() -> BudgetBaselines.greedy(new double[8], c, b, g))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("flops budget");
  }

  private static double sum(double[] s, boolean[] x) {
    double t = 0;
    for (int i = 0; i < x.length; i++) {
      t += x[i] ? s[i] : 0;
    }
    return t;
  }

  private static boolean[] bits(BudgetSearch.Result r) {
    int[] b = r.selection().mask().toBits();
    boolean[] x = new boolean[b.length];
    for (int i = 0; i < b.length; i++) {
      x[i] = b[i] == 1;
    }
    return x;
  }
}
