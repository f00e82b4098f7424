package io.qprune.formulation.capacity;

import io.qprune.api.InvalidInputException;
import io.qprune.api.Qubo;
import io.qprune.formulation.cost.Budget;
import io.qprune.formulation.cost.MaskCost;

/**
 * Brings any mask into a cost budget's window [floor, limit] and the layer guards, flipping only
 * the units it may move, guided by a QUBO's energy (the same moves as the budget search's repair:
 * the smallest energy rise per unit of cost saved while above the limit, the best energy change
 * per unit of cost added while below the floor, a swap when no single unit lands in the window). A
 * mask already in the window and within the guards comes back unchanged. Used where a black-box
 * optimiser samples masks freely and every mask it scores must spend the budget (TT refinement).
 */
public final class BudgetRepair {
  private final Qubo qubo;
  private final MaskCost cost;
  private final Budget budget;
  private final double full;
  private final double limit;
  private final double floor;
  private final LayerGuards guards;
  private final boolean[] movable;

  /**
   * A repair for {@code budget} of {@code cost} guided by the BINARY {@code qubo}; {@code movable}
   * marks the units it may flip (null: all).
   */
  public BudgetRepair(Qubo qubo, MaskCost cost, Budget budget, LayerGuards guards, boolean[] movable) {
    int n = qubo.numVariables();
    if (cost.size() != n || guards.numUnits() != n || (movable != null && movable.length != n)) {
      throw new InvalidInputException("The " + cost.name() + " cost covers " + cost.size() + " units, the guards "
          + guards.numUnits() + (movable != null ? ", the movable flags " + movable.length : "")
          + "; the QUBO has " + n);
    }
    this.qubo = qubo.toBinary();
    this.cost = cost;
    this.budget = budget;
    this.full = cost.total();
    this.limit = budget.limit(full);
    this.floor = budget.floor(full);
    this.guards = guards;
    this.movable = movable == null ? null : movable.clone();
  }

  /** Whether {@code keep} lies in the window (with the budget's rounding slack), meets the cost's caps and the guards. */
  public boolean feasible(boolean[] keep) {
    return budget.within(cost.value(keep), full) && cost.capExcess(keep) == 0 && guards.satisfiedBy(keep);
  }

  /**
   * {@code keep} moved into the window (a new array; the same values when already feasible).
   *
   * @throws InvalidInputException when the movable units cannot bring it under the limit
   */
  public boolean[] repair(boolean[] keep) {
    if (feasible(keep)) {
      return keep.clone();
    }
    LocalFields s = new LocalFields(qubo, keep);
    BudgetMoves.repair(s, cost, limit, floor, guards, movable, false);
    return s.bits();
  }

  /** The most a mask may cost. */
  public double limit() {
    return limit;
  }
}
