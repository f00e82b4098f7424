package io.qprune.formulation.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.CostKind;
import io.qprune.formulation.cost.QuadraticCost;
import io.qprune.formulation.importance.UnitLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The repair TT refinement scores its masks through: into the window, only movable units, guards kept. */
class BudgetRepairTest {
  private static final UnitLayout LAYOUT = TestModels.layout(6, 6, 6, 6);
  private static final Qubo QUBO = TestModels.pruning(LAYOUT, 0.3, 5);
  private static final QuadraticCost COST = BudgetSearchTest.chainCost(LAYOUT, 3);
  private static final LayerGuards GUARDS = LayerGuards.of(LAYOUT, 1, 1);

  private static boolean[] random(SplittableRandom r, double p) {
    boolean[] x = new boolean[LAYOUT.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble() < p;
    }
    return x;
  }

  @Test
  void everyMaskEndsInTheWindowAndFeasibleMasksComeBackUnchanged() {
    Budget budget = new Budget(CostKind.FLOPS, 0.5, 0.05);
    BudgetRepair repair = new BudgetRepair(QUBO, COST, budget, GUARDS, null);
    double full = COST.total();
    SplittableRandom r = new SplittableRandom(1);
    int fixedUp = 0;
    for (int t = 0; t < 200; t++) {
      boolean[] x = random(r, r.nextDouble());
      boolean[] y = repair.repair(x);
      assertThat(budget.within(COST.value(y), full)).as("trial %d cost %.3f of %.3f", t, COST.value(y), full)
          .isTrue();
      assertThat(GUARDS.satisfiedBy(y)).isTrue();
      assertThat(repair.feasible(y)).isTrue();
      assertThat(repair.repair(y)).isEqualTo(y);
      if (!repair.feasible(x)) {
        fixedUp++;
      } else {
        assertThat(y).isEqualTo(x);
      }
    }
    assertThat(fixedUp).isGreaterThan(150);
  }

  @Test
  void onlyMovableUnitsChange() {
    Budget budget = new Budget(CostKind.FLOPS, 0.6, 0.05);
    boolean[] movable = new boolean[LAYOUT.size()];
    for (int u = 6; u < 18; u++) { // layers 1 and 2
      movable[u] = true;
    }
    BudgetRepair repair = new BudgetRepair(QUBO, COST, budget, GUARDS, movable);
    SplittableRandom r = new SplittableRandom(2);
    for (int t = 0; t < 100; t++) {
      boolean[] x = random(r, 0.6);
      for (int u = 0; u < 6; u++) { // keep the fixed layers within the guards
        x[u] |= u == 0;
        x[18 + u] |= u == 0;
      }
      boolean[] y = repair.repair(x);
      for (int u = 0; u < x.length; u++) {
        if (!movable[u]) {
          assertThat(y[u]).as("fixed unit %d", u).isEqualTo(x[u]);
        }
      }
      assertThat(COST.value(y)).isLessThanOrEqualTo(repair.limit() * (1 + 1e-12));
      assertThat(GUARDS.satisfiedBy(y)).isTrue();
    }
  }

  @Test
  void aLimitTheMovableUnitsCannotReachIsAnError() {
    boolean[] movable = new boolean[LAYOUT.size()];
    movable[0] = true;
    BudgetRepair repair = new BudgetRepair(QUBO, COST, new Budget(CostKind.FLOPS, 0.2, 0.01), GUARDS, movable);
    boolean[] all = new boolean[LAYOUT.size()];
    java.util.Arrays.fill(all, true);
    assertThatThrownBy(() -> repair.repair(all)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("budget");
  }
}
