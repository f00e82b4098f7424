package io.qprune.formulation.evolve;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.WeightLayer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Which prunable weights a network keeps: one bit per weight, in the network's global weight order. */
public final class WeightMask {
  private final List<WeightLayer> layers;
  private final BitSet kept;
  private final int size;

  /** A mask over {@code layers} keeping the weights whose bits are set in {@code kept}. */
  public WeightMask(List<WeightLayer> layers, BitSet kept) {
    this.layers = List.copyOf(layers);
    WeightLayer last = layers.get(layers.size() - 1);
    this.size = last.offset() + last.size();
    if (kept.length() > size) {
      throw new InvalidInputException("A weight mask sets bit " + (kept.length() - 1) + " of a network with "
          + size + " prunable weights");
    }
    this.kept = (BitSet) kept.clone();
  }

  /** Keeps every weight. */
  public static WeightMask all(List<WeightLayer> layers) {
    WeightLayer last = layers.get(layers.size() - 1);
    BitSet b = new BitSet();
    b.set(0, last.offset() + last.size());
    return new WeightMask(layers, b);
  }

  public List<WeightLayer> layers() {
    return layers;
  }

  /** The number of prunable weights. */
  public int size() {
    return size;
  }

  public boolean keeps(int weight) {
    return kept.get(weight);
  }

  /** A copy of the bits. */
  public BitSet bits() {
    return (BitSet) kept.clone();
  }

  /** Weights kept. */
  public int kept() {
    return kept.cardinality();
  }

  /** The fraction of prunable weights kept. */
  public double keptFraction() {
    return kept() / (double) size;
  }

  /** Kept weights per layer. */
  public int[] keptPerLayer() {
    int[] out = new int[layers.size()];
    for (WeightLayer l : layers) {
      out[l.index()] = kept.get(l.offset(), l.offset() + l.size()).cardinality();
    }
    return out;
  }

  /** One 0/1 array per layer, as the networks' masked forward passes take them. */
  public List<float[]> arrays() {
    List<float[]> out = new ArrayList<>(layers.size());
    for (WeightLayer l : layers) {
      float[] v = new float[l.size()];
      for (int i = kept.nextSetBit(l.offset()); i >= 0 && i < l.offset() + l.size(); i = kept.nextSetBit(i + 1)) {
        v[i - l.offset()] = 1f;
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightMask && ((WeightMask) o).kept.equals(kept) && ((WeightMask) o).size == size;
  }

  @Override
  public int hashCode() {
    return kept.hashCode();
  }

  @Override
  public String toString() {
    return "WeightMask[" + kept() + " of " + size + " kept]";
  }
}
