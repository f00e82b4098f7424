package io.qprune.formulation.capacity;

import io.qprune.formulation.cost.CappedCost;
import io.qprune.formulation.cost.MaskCost;

/**
 * Makes an assignment meet a cost budget with moves whose exact cost is checked: first each layer
 * is filled to its guard minimum, then units are dropped while the cost is above the limit or a
 * cap of the cost ({@link MaskCost#capExcess}) is exceeded (each time the one with the smallest
 * energy rise per unit of cost or excess saved), then units are added while they fit (the best
 * energy change per unit of cost; past the floor only when they lower the energy); finally a swap
 * polish that only makes improving, budget-feasible swaps. Every move kept meets the caps.
 */
final class BudgetMoves {
  private static final double EPS = 1e-12;
  /** Cost-raising swaps tried under caps when no single unit or swap reaches the budget's floor. */
  static final int CLIMBS = 8;

  private BudgetMoves() {}

  /** Repairs {@code s} in place to cost ≤ {@code limit} (and ≥ {@code floor} where units fit); returns the flips. */
  static int repair(LocalFields s, MaskCost cost, double limit, double floor, LayerGuards guards) {
    return repair(s, cost, limit, floor, guards, null, true);
  }

  /**
   * As {@link #repair(LocalFields, MaskCost, double, double, LayerGuards)}, flipping only the units
   * {@code movable} marks (null: all); with {@code fill} false, adding stops at the floor, so an
   * assignment already in [floor, limit] and within the guards is left as it is.
   */
  static int repair(LocalFields s, MaskCost cost, double limit, double floor, LayerGuards guards,
      boolean[] movable, boolean fill) {
    int flips = 0;
    boolean[] x = s.bits();
    int[] kept = guards.keptPerLayer(x);
    for (int l = 0; l < kept.length; l++) {
      while (kept[l] < guards.minKeep(l)) {
        int best = -1;
        for (int i = 0; i < x.length; i++) {
          if (!x[i] && guards.layerOf(i) == l && can(movable, i) && (best < 0 || s.flipDelta(i) < s.flipDelta(best))) {
            best = i;
          }
        }
        if (best < 0) {
          throw infeasible(cost, limit, cost.value(x));
        }
        flips += flip(s, x, best);
        kept[l]++;
      }
    }
    double c = cost.value(x);
    double excess = cost.capExcess(x);
    while (c > limit || excess > 0) {
      int best = -1;
      double bestRatio = Double.POSITIVE_INFINITY;
      double bestCost = c;
      double bestExcess = excess;
      for (int i = 0; i < x.length; i++) {
        if (!x[i] || !can(movable, i) || kept[guards.layerOf(i)] <= guards.minKeep(guards.layerOf(i))) {
          continue;
        }
        double after = costWith(cost, x, i);
        double excessAfter = excess > 0 ? excessWith(cost, x, i) : 0;
        // above the limit: the cost saved (in units of the limit); under it, only the caps' excess
        double saved = (c > limit ? (c - after) / limit : 0) + (excess - excessAfter);
        if (saved <= 0) {
          continue;
        }
        double ratio = s.flipDelta(i) / saved;
        if (ratio < bestRatio) {
          bestRatio = ratio;
          best = i;
          bestCost = after;
          bestExcess = excessAfter;
        }
      }
      if (best < 0) {
        throw c > limit ? infeasible(cost, limit, c) : new io.qprune.api.InvalidInputException(String.format(
            java.util.Locale.ROOT, "The caps on the %s budget cannot be met within the per-layer limits (the"
                + " smallest mask they allow is %.3g %% above them). Maybe raise the caps or relax"
                + " min_units_per_layer.", cost.name(), 100 * excess));
      }
      flips += flip(s, x, best);
      kept[guards.layerOf(best)]--;
      c = bestCost;
      excess = bestExcess;
    }
    while (fill || c < floor) {
      int best = -1;
      double bestRatio = Double.POSITIVE_INFINITY;
      double bestCost = c;
      for (int i = 0; i < x.length; i++) {
        if (x[i] || !can(movable, i)) {
          continue;
        }
        double after = costWith(cost, x, i);
        if (after > limit || excessWith(cost, x, i) > 0) {
          continue;
        }
        double d = s.flipDelta(i);
        if (c >= floor && d >= 0) {
          continue;
        }
        double ratio = d / Math.max(after - c, EPS);
        if (ratio < bestRatio) {
          bestRatio = ratio;
          best = i;
          bestCost = after;
        }
      }
      if (best < 0) {
        return c >= floor ? flips : flips + toWindow(s, x, kept, cost, limit, floor, guards, movable);
      }
      flips += flip(s, x, best);
      kept[guards.layerOf(best)]++;
      c = bestCost;
    }
    return flips;
  }

  private static boolean can(boolean[] movable, int i) {
    return movable == null || movable[i];
  }

  /**
   * Below the floor with no unit left that fits: the swap (one kept unit off, one pruned unit on)
   * that lands in [floor, limit] with the least energy rise, if any; returns the flips made.
   */
  private static int toWindow(LocalFields s, boolean[] x, int[] kept, MaskCost cost, double limit,
      double floor, LayerGuards guards, boolean[] movable) {
    int[] best = {-1, -1};
    double[] bestDelta = {Double.POSITIVE_INFINITY};
    MaskCost.Swaps value = cost.swaps(x);
    MaskCost.Swaps excess = cost.capExcessSwaps(x);
    forEachSwap(x, kept, guards, movable, (off, on) -> {
      double d = s.swapDelta(off, on);
      if (d >= bestDelta[0]) {
        return;
      }
      double c = value.after(off, on);
      if (c <= limit && c >= floor && excess.after(off, on) == 0) {
        bestDelta[0] = d;
        best[0] = off;
        best[1] = on;
      }
    });
    if (best[0] < 0) {
      return cost instanceof CappedCost ? climb(s, x, kept, cost, limit, floor, guards, movable) : 0;
    }
    return swap(s, x, kept, guards, best[0], best[1]);
  }

  /**
   * Under caps, below the floor with no single unit or swap reaching it: the swap that raises the
   * cost most within the limit, the caps and the guards, then whatever units fit again, up to
   * {@value #CLIMBS} times or until the floor is reached; returns the flips made.
   */
  private static int climb(LocalFields s, boolean[] x, int[] kept, MaskCost cost, double limit, double floor,
      LayerGuards guards, boolean[] movable) {
    int flips = 0;
    double c = cost.value(x);
    for (int step = 0; step < CLIMBS && c < floor; step++) {
      int[] up = {-1, -1};
      double[] upCost = {c};
      MaskCost.Swaps value = cost.swaps(x);
      MaskCost.Swaps excess = cost.capExcessSwaps(x);
      forEachSwap(x, kept, guards, movable, (off, on) -> {
        double after = value.after(off, on);
        if (after > upCost[0] && after <= limit && excess.after(off, on) == 0) {
          upCost[0] = after;
          up[0] = off;
          up[1] = on;
        }
      });
      if (up[0] < 0) {
        return flips;
      }
      flips += swap(s, x, kept, guards, up[0], up[1]);
      c = upCost[0];
      for (int i = 0; i < x.length && c < floor; i++) { // what fits again after the climb
        if (!x[i] && can(movable, i)) {
          double after = costWith(cost, x, i);
          if (after <= limit && excessWith(cost, x, i) == 0) {
            flips += flip(s, x, i);
            kept[guards.layerOf(i)]++;
            c = after;
          }
        }
      }
    }
    return flips;
  }

  /** A swap: one kept unit off, one pruned unit on. */
  private interface SwapVisitor {
    void visit(int off, int on);
  }

  /** Every swap the movable flags allow that keeps each layer at or above its guard minimum. */
  private static void forEachSwap(boolean[] x, int[] kept, LayerGuards guards, boolean[] movable, SwapVisitor visit) {
    for (int off = 0; off < x.length; off++) {
      if (!x[off] || !can(movable, off)) {
        continue;
      }
      boolean atMin = kept[guards.layerOf(off)] <= guards.minKeep(guards.layerOf(off));
      for (int on = 0; on < x.length; on++) {
        if (!x[on] && can(movable, on) && (!atMin || guards.layerOf(on) == guards.layerOf(off))) {
          visit.visit(off, on);
        }
      }
    }
  }

  private static int swap(LocalFields s, boolean[] x, int[] kept, LayerGuards guards, int off, int on) {
    flip(s, x, off);
    flip(s, x, on);
    kept[guards.layerOf(off)]--;
    kept[guards.layerOf(on)]++;
    return 2;
  }

  /**
   * Steepest-descent swaps (one kept unit off, one pruned unit on) that lower the energy, keep the
   * guards and keep the exact cost in [floor, limit]; returns the swaps made.
   */
  static int polish(LocalFields s, MaskCost cost, double limit, double floor, LayerGuards guards, int maxSwaps) {
    boolean[] x = s.bits();
    int[] kept = guards.keptPerLayer(x);
    int n = x.length;
    int swaps = 0;
    while (swaps < maxSwaps) {
      // candidates by energy gain; the exact cost is checked best-first
      java.util.List<double[]> moves = new java.util.ArrayList<>();
      double tol = -EPS * Math.max(1, Math.abs(s.energy()));
      for (int off = 0; off < n; off++) {
        if (!x[off]) {
          continue;
        }
        int lOff = guards.layerOf(off);
        boolean atMin = kept[lOff] <= guards.minKeep(lOff);
        for (int on = 0; on < n; on++) {
          if (x[on] || (atMin && guards.layerOf(on) != lOff)) {
            continue;
          }
          double d = s.swapDelta(off, on);
          if (d < tol) {
            moves.add(new double[] {d, off, on});
          }
        }
      }
      moves.sort(java.util.Comparator.comparingDouble(m -> m[0]));
      boolean moved = false;
      MaskCost.Swaps value = moves.isEmpty() ? null : cost.swaps(x);
      MaskCost.Swaps excess = moves.isEmpty() ? null : cost.capExcessSwaps(x);
      for (double[] m : moves) {
        int off = (int) m[1];
        int on = (int) m[2];
        double c = value.after(off, on);
        if (c <= limit && c >= floor && excess.after(off, on) == 0) {
          x[off] = false;
          x[on] = true;
          s.flip(off);
          s.flip(on);
          kept[guards.layerOf(off)]--;
          kept[guards.layerOf(on)]++;
          swaps++;
          moved = true;
          break;
        }
      }
      if (!moved) {
        break;
      }
    }
    return swaps;
  }

  /** The error for a budget below what the guards allow ({@code c}: the cost reached). */
  static io.qprune.api.InvalidInputException infeasible(MaskCost cost, double limit, double c) {
    return new io.qprune.api.InvalidInputException(String.format(java.util.Locale.ROOT,
        "The %s budget %.6g cannot be met within the per-layer limits (the smallest mask they allow"
            + " costs %.6g). Maybe raise the budget or relax min_units_per_layer.", cost.name(), limit, c));
  }

  private static double costWith(MaskCost cost, boolean[] x, int i) {
    x[i] = !x[i];
    double c = cost.value(x);
    x[i] = !x[i];
    return c;
  }

  private static double excessWith(MaskCost cost, boolean[] x, int i) {
    x[i] = !x[i];
    double e = cost.capExcess(x);
    x[i] = !x[i];
    return e;
  }

  private static int flip(LocalFields s, boolean[] x, int i) {
    s.flip(i);
    x[i] = !x[i];
    return 1;
  }
}
