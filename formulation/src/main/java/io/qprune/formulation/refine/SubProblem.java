package io.qprune.formulation.refine;

import io.qprune.api.blackbox.BlackBoxProblem;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The units of the chosen layers as a binary black-box problem, everything else fixed at the
 * starting mask; the count of kept units inside stays the start's, so global sparsity is exact.
 * With a {@link #withRepair repair} (a cost budget) the count is free instead, and every point is
 * scored as the repair makes it.
 */
public final class SubProblem {
  private final Mask start;
  private final List<Layer> layers;
  private final int[] units;
  private final UnaryOperator<int[]> repair;

  public SubProblem(Mask start, List<Layer> layers) {
    this(start, layers, null);
  }

  private SubProblem(Mask start, List<Layer> layers, UnaryOperator<int[]> repair) {
    this.start = start;
    this.layers = List.copyOf(layers);
    this.units = layers.stream()
        .flatMapToInt(l -> java.util.stream.IntStream.range(l.firstUnit(), l.firstUnit() + l.units()))
        .toArray();
    this.repair = repair;
  }

  /**
   * This sub-problem with points of any count of ones, each mapped by {@code repair} (a point to a
   * feasible point of the same length, identity on feasible points) before it is scored.
   */
  public SubProblem withRepair(UnaryOperator<int[]> repair) {
    return new SubProblem(start, layers, repair);
  }

  /** Whether points are repaired (the count of ones is then free). */
  public boolean repaired() {
    return repair != null;
  }

  /** The point that is scored for {@code x}: its repair, or x itself. */
  public int[] feasible(int[] x) {
    if (repair == null) {
      return x;
    }
    int[] y = repair.apply(x.clone());
    if (y.length != x.length) {
      throw new IllegalStateException("The repair returned " + y.length + " values for " + x.length);
    }
    return y;
  }

  public List<Layer> layers() {
    return layers;
  }

  public Mask start() {
    return start;
  }

  /** The indices (in the whole network) of the free units, in the order of a point's values. */
  public int[] freeUnits() {
    return units.clone();
  }

  /** The number of free units. */
  public int size() {
    return units.length;
  }

  /** The start's values on the free units. */
  public int[] startPoint() {
    int[] x = new int[units.length];
    for (int i = 0; i < units.length; i++) {
      x[i] = start.keeps(units[i]) ? 1 : 0;
    }
    return x;
  }

  /** The problem: binary, centred on the start, with the start's count of ones (any count when repaired). */
  public BlackBoxProblem problem() {
    int[] x = startPoint();
    BlackBoxProblem p = BlackBoxProblem.binary(units.length).withStart(x);
    return repair != null ? p : p.withOnes(java.util.Arrays.stream(x).sum());
  }

  /** The whole-network mask of a sub-problem point. */
  public Mask expand(int[] x) {
    int[] bits = start.toBits();
    for (int i = 0; i < units.length; i++) {
      bits[units[i]] = x[i];
    }
    return Mask.ofBits(bits);
  }
}
