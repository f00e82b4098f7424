package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;
import java.util.List;

/**
 * A budget's cost with further caps: {@code primary} is what the budget's window [floor, limit] is
 * on (its value, its quadratic form), each cap is a second cost the mask must not exceed (at most
 * its limit, no floor): "50 % of the FLOPs, and at most 0.6× the measured latency". The budget
 * search and every repair treat a mask as feasible only when {@link #capExcess} is 0.
 */
public final class CappedCost implements MaskCost {
  /** At most {@code fraction} of {@code cost}'s unpruned value. */
  public record Cap(MaskCost cost, double fraction) {
    public Cap {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new InvalidInputException("A " + cost.name() + " cap is a fraction of the unpruned network in (0, 1],"
            + " got " + fraction);
      }
    }

    /** The most the capped cost may be. */
    public double limit() {
      return fraction * cost.total();
    }
  }

  private final MaskCost primary;
  private final List<Cap> caps;
  private final double[] limits;

  public CappedCost(MaskCost primary, List<Cap> caps) {
    this.primary = primary;
    this.caps = List.copyOf(caps);
    this.limits = this.caps.stream().mapToDouble(Cap::limit).toArray();
    for (Cap c : this.caps) {
      if (c.cost().size() != primary.size()) {
        throw new InvalidInputException("The " + c.cost().name() + " cap covers " + c.cost().size()
            + " units, the " + primary.name() + " cost " + primary.size());
      }
    }
  }

  /** The cost the budget's window is on. */
  public MaskCost primary() {
    return primary;
  }

  public List<Cap> caps() {
    return caps;
  }

  @Override
  public String name() {
    return primary.name();
  }

  @Override
  public int size() {
    return primary.size();
  }

  @Override
  public double value(boolean[] keep) {
    return primary.value(keep);
  }

  @Override
  public QuadraticCost around(boolean[] reference) {
    return primary.around(reference);
  }

  @Override
  public Swaps swaps(boolean[] keep) {
    return primary.swaps(keep);
  }

  @Override
  public Swaps capExcessSwaps(boolean[] keep) {
    Swaps[] s = caps.stream().map(c -> c.cost().swaps(keep)).toArray(Swaps[]::new);
    return (off, on) -> {
      double e = 0;
      for (int c = 0; c < s.length; c++) {
        e += excess(c, s[c].after(off, on));
      }
      return e;
    };
  }

  @Override
  public double capExcess(boolean[] keep) {
    double e = 0;
    for (int c = 0; c < caps.size(); c++) {
      double v = caps.get(c).cost().value(keep);
      e += excess(c, v);
    }
    return e;
  }

  /** Cap {@code c}'s relative excess at value {@code v} (0 within the cap). */
  private double excess(int c, double v) {
    return Math.max(0, v / limits[c] - 1 - 1e-12);
  }
}
