package io.qprune.formulation.refine;

import io.qprune.api.blackbox.BlackBoxProblem;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import java.util.List;

/**
 * The units of the chosen layers as a binary black-box problem, everything else fixed at the
 * starting mask; the count of kept units inside stays the start's, so global sparsity is exact.
 */
public final class SubProblem {
  private final Mask start;
  private final List<Layer> layers;
  private final int[] units;

  public SubProblem(Mask start, List<Layer> layers) {
    this.start = start;
    this.layers = List.copyOf(layers);
    this.units = layers.stream()
        .flatMapToInt(l -> java.util.stream.IntStream.range(l.firstUnit(), l.firstUnit() + l.units()))
        .toArray();
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

  /** The problem: binary, centred on the start, with the start's count of ones. */
  public BlackBoxProblem problem() {
    int[] x = startPoint();
    return BlackBoxProblem.binary(units.length).withStart(x).withOnes(java.util.Arrays.stream(x).sum());
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
