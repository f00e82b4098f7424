package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.ModelSpec;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A cost of a pruned Half-UNet as a function of its mask, of one fixed shape: a weight per kept unit
 * of each layer, a weight per (kept producer unit, kept unit) pair of each conv fed by one layer, and
 * for {@code dec1}, fed by the fused map, a weight per (fused channel, kept {@code dec1} unit) pair
 * and one per fused channel. FLOPs and parameters are this shape with weights counted as
 * {@code Denoiser.cost} counts them (Ghost blocks: 3×3 primary conv from the kept inputs, depthwise
 * cheap conv, two batch norms; level l at 4^-l of the pixels; 1×1 head); a fitted latency model
 * ({@link LatencyFit}) is the same shape with weights fitted to measured forwards.
 *
 * <p>Every term is a product of at most two mask bits except the fused map's: it holds channel j
 * when <em>any</em> level's last block keeps unit j, and the OR of L ≥ 2 bits (times a bit) is a
 * polynomial of degree up to L + 1, not a quadratic. {@link #value} counts it exactly;
 * {@link #around} replaces the OR of each channel by a form exact at the reference and one flip
 * away: 1 when at least two levels keep j (no single flip changes the OR), the one keeping level's
 * bit when exactly one does, the sum of the levels' bits when none does.
 */
final class HalfUNetCost implements MaskCost {
  /**
   * The weights of the shape, layers in the model's order (encoder blocks, {@code dec1},
   * {@code dec2}): {@code pair[k]} pairs layer k with layer k − 1 (0 for the first layer and for
   * {@code dec1}, which reads the fused map instead).
   */
  record Weights(double constant, double[] unit, double[] pair, double fusedPair, double fused) {
    Weights {
      if (unit.length != pair.length) {
        throw new InvalidInputException(unit.length + " unit weights for " + pair.length + " pair weights");
      }
      unit = unit.clone();
      pair = pair.clone();
    }

    /** The weights as one vector in the order of {@link HalfUNetCost#features}. */
    double[] vector() {
      double[] v = new double[2 * unit.length + 3];
      v[0] = constant;
      System.arraycopy(unit, 0, v, 1, unit.length);
      System.arraycopy(pair, 0, v, 1 + unit.length, pair.length);
      v[v.length - 2] = fusedPair;
      v[v.length - 1] = fused;
      return v;
    }

    /** The weights of a vector in the order of {@link HalfUNetCost#features}. */
    static Weights of(double[] v) {
      int layers = (v.length - 3) / 2;
      if (v.length != 2 * layers + 3) {
        throw new InvalidInputException("A Half-UNet cost vector has 2·layers + 3 entries, got " + v.length);
      }
      return new Weights(v[0], Arrays.copyOfRange(v, 1, 1 + layers), Arrays.copyOfRange(v, 1 + layers, 1 + 2 * layers),
          v[v.length - 2], v[v.length - 1]);
    }
  }

  private final String name;
  private final int units;
  private final int levels;
  private final QuadraticCost base;
  private final Weights weights;
  private final int[] dec1;

  HalfUNetCost(ModelSpec spec, CostKind kind) {
    this(spec, kind.toString(), counted(spec, kind));
  }

  HalfUNetCost(ModelSpec spec, String name, Weights weights) {
    this.name = name;
    this.units = spec.channels() / 2;
    this.levels = spec.depth();
    int layers = 2 * levels + 2;
    if (weights.unit().length != layers) {
      throw new InvalidInputException(name + " cost: " + weights.unit().length + " layer weights for the "
          + layers + " layers of " + spec);
    }
    this.weights = weights;
    CostTerms t = new CostTerms(name, units * layers).constant(weights.constant());
    for (int k = 0; k < layers; k++) {
      for (int i : layer(k)) {
        t.linear(i, weights.unit()[k]);
      }
      if (k > 0 && k != 2 * levels && weights.pair()[k] != 0) {
        t.pairs(layer(k - 1), layer(k), weights.pair()[k]);
      }
    }
    this.dec1 = layer(2 * levels);
    this.base = t.build();
  }

  /** FLOPs or parameters, counted. */
  private static Weights counted(ModelSpec spec, CostKind kind) {
    int levels = spec.depth();
    int in = spec.color().channels();
    boolean flops = kind == CostKind.FLOPS;
    // a Ghost block of k units on c inputs: 9ck + 9k MACs, 9ck + 9k + 4k parameters
    double perUnit = flops ? 2 * 9 : 9 + 4;
    double perPair = flops ? 2 * 9 * 2 : 9 * 2; // input channels come in twins (primary, cheap)
    double[] unit = new double[2 * levels + 2];
    double[] pair = new double[2 * levels + 2];
    for (int k = 0; k < 2 * levels; k++) {
      double scale = flops ? Math.pow(0.25, k / 2) : 1;
      unit[k] = scale * (perUnit + (k == 0 ? (flops ? 2 * 9 : 9) * in : 0));
      pair[k] = k > 0 ? scale * perPair : 0;
    }
    unit[2 * levels] = perUnit;
    unit[2 * levels + 1] = perUnit + (flops ? 2 * 2 * in : 2 * in); // and the 1×1 head's weights
    pair[2 * levels + 1] = perPair;
    return new Weights(flops ? 0 : in, unit, pair, perPair, 0); // params: the head's bias
  }

  /**
   * What the weights multiply for {@code keep}, in the order of {@link Weights#vector}: 1; the kept
   * units of each layer; kept(k − 1)·kept(k) for each layer (0 where there is no such pair); the
   * fused map's width times {@code dec1}'s kept units; the fused map's width. Any cost of this
   * shape is the dot product of its weight vector with these.
   */
  static double[] features(ModelSpec spec, boolean[] keep) {
    int u = spec.channels() / 2;
    int levels = spec.depth();
    int layers = 2 * levels + 2;
    if (keep.length != u * layers) {
      throw new InvalidInputException("A mask of " + keep.length + " units for the " + u * layers + " of " + spec);
    }
    int[] kept = new int[layers];
    for (int i = 0; i < keep.length; i++) {
      kept[i / u] += keep[i] ? 1 : 0;
    }
    int fused = 0;
    for (int j = 0; j < u; j++) {
      for (int l = 0; l < levels; l++) {
        if (keep[(2 * l + 1) * u + j]) {
          fused++;
          break;
        }
      }
    }
    double[] f = new double[2 * layers + 3];
    f[0] = 1;
    for (int k = 0; k < layers; k++) {
      f[1 + k] = kept[k];
      f[1 + layers + k] = k > 0 && k != 2 * levels ? kept[k - 1] * kept[k] : 0;
    }
    f[f.length - 2] = (double) fused * kept[2 * levels];
    f[f.length - 1] = fused;
    return f;
  }

  Weights weights() {
    return weights;
  }

  private int[] layer(int k) {
    return IntStream.range(k * units, (k + 1) * units).toArray();
  }

  /** Unit j of level l's last block. */
  private int last(int l, int j) {
    return (2 * l + 1) * units + j;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return base.n();
  }

  @Override
  public double value(boolean[] keep) {
    int fused = 0;
    for (int j = 0; j < units; j++) {
      for (int l = 0; l < levels; l++) {
        if (keep[last(l, j)]) {
          fused++;
          break;
        }
      }
    }
    int k1 = 0;
    for (int i : dec1) {
      k1 += keep[i] ? 1 : 0;
    }
    return base.value(keep) + weights.fusedPair() * fused * k1 + weights.fused() * fused;
  }

  /**
   * O(1) per swap: the base's swaps, and the fused map's width after the swap from how many levels
   * keep each unit ({@code count}) and {@code dec1}'s width.
   */
  @Override
  public Swaps swaps(boolean[] keep) {
    Swaps b = base.swaps(keep);
    int[] count = new int[units];
    int fused = 0;
    for (int j = 0; j < units; j++) {
      for (int l = 0; l < levels; l++) {
        count[j] += keep[last(l, j)] ? 1 : 0;
      }
      fused += count[j] > 0 ? 1 : 0;
    }
    int k1 = 0;
    for (int i : dec1) {
      k1 += keep[i] ? 1 : 0;
    }
    int fusedNow = fused;
    int k1Now = k1;
    int dec1Layer = 2 * levels;
    return (off, on) -> {
      int f = fusedNow;
      int jOff = lastUnit(off);
      if (jOff >= 0 && count[jOff] == 1) {
        f--;
      }
      int jOn = lastUnit(on);
      if (jOn >= 0 && count[jOn] - (jOn == jOff ? 1 : 0) == 0) {
        f++;
      }
      int k = k1Now - (off / units == dec1Layer ? 1 : 0) + (on / units == dec1Layer ? 1 : 0);
      return b.after(off, on) + weights.fusedPair() * f * k + weights.fused() * f;
    };
  }

  /** For a unit of a level's last block, its index j in the layer (the fused channel it feeds); else −1. */
  private int lastUnit(int i) {
    int k = i / units;
    return k < 2 * levels && k % 2 == 1 ? i % units : -1;
  }

  @Override
  public QuadraticCost around(boolean[] reference) {
    CostTerms t = new CostTerms(name, base.n()).constant(base.constant());
    for (int i = 0; i < base.n(); i++) {
      t.linear(i, base.linear()[i]);
    }
    for (int k = 0; k < base.pairI().length; k++) {
      t.pair(base.pairI()[k], base.pairJ()[k], base.pairW()[k]);
    }
    double wp = weights.fusedPair();
    double w = weights.fused();
    for (int j = 0; j < units; j++) {
      int keeping = 0;
      int only = -1;
      for (int l = 0; l < levels; l++) {
        if (reference[last(l, j)]) {
          keeping++;
          only = last(l, j);
        }
      }
      if (keeping >= 2) {
        t.constant(w);
      } else if (keeping == 1) {
        t.linear(only, w);
      } else {
        for (int l = 0; l < levels; l++) {
          t.linear(last(l, j), w);
        }
      }
      for (int i : dec1) {
        if (wp == 0) {
          break;
        }
        if (keeping >= 2) {
          t.linear(i, wp);
        } else if (keeping == 1) {
          t.pair(only, i, wp);
        } else {
          for (int l = 0; l < levels; l++) {
            t.pair(last(l, j), i, wp);
          }
        }
      }
    }
    return t.build();
  }
}
