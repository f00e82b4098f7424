package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.ResNetSpec;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * FLOPs or parameters of a filter-pruned ResNet classifier as an exact quadratic in its channel
 * mask (units in the order of {@code Classifier.channelLayers()}: per stage its residual stream,
 * then each block's first conv). A 3×3 conv from k_in kept channels to k_out kept channels at an
 * output side r costs 2·9·k_in·k_out·r² FLOPs and 9·k_in·k_out weights plus 2·k_out batch-norm
 * parameters; the classifier costs 2·classes·k FLOPs over the last stream's k kept channels and
 * classes·(k + 1) parameters. The stem reads the image's channels; a block's first conv reads its
 * stage's stream (the previous stage's in a stage's first block, at stride 2) and its second conv
 * makes the stage's stream. FLOPs are per image, pooling, additions, BN and ReLU not counted.
 *
 * <p>Every such cost has one shape ({@link Weights}): a constant, a weight per kept channel of each
 * channel layer, a weight per (kept input, kept output) pair of each block conv. The counts above
 * are that shape with counted weights; a fitted latency ({@link LatencyFit#forClassifier}) is the
 * same shape with weights fitted to measured forwards.
 */
final class ResNetCost {
  private ResNetCost() {}

  /**
   * The weights of the shape: {@code unit[g]} for channel layer g (the units' order), {@code
   * pair[c]} for block conv c, in the order stage, block, conv1 then conv2.
   */
  record Weights(double constant, double[] unit, double[] pair) {
    Weights {
      unit = unit.clone();
      pair = pair.clone();
    }

    /** The weights as one vector in the order of {@link #features}: constant, units, pairs. */
    double[] vector() {
      double[] v = new double[1 + unit.length + pair.length];
      v[0] = constant;
      System.arraycopy(unit, 0, v, 1, unit.length);
      System.arraycopy(pair, 0, v, 1 + unit.length, pair.length);
      return v;
    }

    /** The weights of a vector in the order of {@link #features} for {@code spec}. */
    static Weights of(ResNetSpec spec, double[] v) {
      int g = layers(spec);
      if (v.length != 1 + g + 2 * 3 * spec.blocks()) {
        throw new InvalidInputException("A ResNet cost vector of " + spec + " has " + (1 + g + 6 * spec.blocks())
            + " entries, got " + v.length);
      }
      return new Weights(v[0], Arrays.copyOfRange(v, 1, 1 + g), Arrays.copyOfRange(v, 1 + g, v.length));
    }
  }

  /** Channel layers: per stage its stream and one per block. */
  static int layers(ResNetSpec spec) {
    return 3 * (1 + spec.blocks());
  }

  private static int stream(ResNetSpec spec, int s) {
    return s * (1 + spec.blocks());
  }

  private static int inner(ResNetSpec spec, int s, int b) {
    return stream(spec, s) + 1 + b;
  }

  /** Channels of channel layer g. */
  private static int width(ResNetSpec spec, int g) {
    return spec.width() << (g / (1 + spec.blocks()));
  }

  /** Block conv c's input and output channel layers. */
  private static int[] wiring(ResNetSpec spec, int c) {
    int s = c / (2 * spec.blocks());
    int b = (c / 2) % spec.blocks();
    if (c % 2 == 0) {
      return new int[] {stream(spec, s > 0 && b == 0 ? s - 1 : s), inner(spec, s, b)};
    }
    return new int[] {inner(spec, s, b), stream(spec, s)};
  }

  static QuadraticCost of(ResNetSpec spec, CostKind kind) {
    return of(spec, kind.toString(), counted(spec, kind));
  }

  static QuadraticCost of(ResNetSpec spec, String name, Weights w) {
    int g = layers(spec);
    int[][] units = new int[g][];
    int n = 0;
    for (int k = 0; k < g; k++) {
      units[k] = IntStream.range(n, n + width(spec, k)).toArray();
      n += units[k].length;
    }
    CostTerms t = new CostTerms(name, n).constant(w.constant());
    for (int k = 0; k < g; k++) {
      for (int i : units[k]) {
        t.linear(i, w.unit()[k]);
      }
    }
    for (int c = 0; c < w.pair().length; c++) {
      int[] io = wiring(spec, c);
      if (w.pair()[c] != 0) {
        t.pairs(units[io[0]], units[io[1]], w.pair()[c]);
      }
    }
    return t.build();
  }

  /** FLOPs or parameters, counted. */
  private static Weights counted(ResNetSpec spec, CostKind kind) {
    boolean flops = kind == CostKind.FLOPS;
    int blocks = spec.blocks();
    double[] unit = new double[layers(spec)];
    double[] pair = new double[6 * blocks];
    long side = spec.size();
    unit[stream(spec, 0)] = (flops ? 2 * 9 * side * side : 9) * spec.channels() + (flops ? 0 : 2);
    for (int s = 0; s < 3; s++) {
      if (s > 0) {
        side = (side + 1) / 2;
      }
      for (int b = 0; b < blocks; b++) {
        pair[2 * (s * blocks + b)] = flops ? 2 * 9 * side * side : 9;
        pair[2 * (s * blocks + b) + 1] = flops ? 2 * 9 * side * side : 9;
        if (!flops) {
          unit[inner(spec, s, b)] += 2;
          unit[stream(spec, s)] += 2;
        }
      }
    }
    unit[stream(spec, 2)] += (flops ? 2 : 1) * spec.classes();
    return new Weights(flops ? 0 : spec.classes(), unit, pair);
  }

  /**
   * What the weights multiply for {@code keep}, in the order of {@link Weights#vector}: 1; the kept
   * channels of each channel layer; kept(in)·kept(out) of each block conv.
   */
  static double[] features(ResNetSpec spec, boolean[] keep) {
    int[][] ranges = layerRanges(spec);
    int g = ranges.length;
    if (keep.length != ranges[g - 1][1]) {
      throw new InvalidInputException("A channel mask of " + keep.length + " units for the " + ranges[g - 1][1]
          + " of " + spec);
    }
    double[] f = new double[1 + g + 6 * spec.blocks()];
    f[0] = 1;
    for (int k = 0; k < g; k++) {
      for (int i = ranges[k][0]; i < ranges[k][1]; i++) {
        f[1 + k] += keep[i] ? 1 : 0;
      }
    }
    for (int c = 0; c < 6 * spec.blocks(); c++) {
      int[] io = wiring(spec, c);
      f[1 + g + c] = f[1 + io[0]] * f[1 + io[1]];
    }
    return f;
  }

  /** The unit ranges [from, to) of the channel layers. */
  static int[][] layerRanges(ResNetSpec spec) {
    int[][] r = new int[layers(spec)][];
    int n = 0;
    for (int k = 0; k < r.length; k++) {
      r[k] = new int[] {n, n + width(spec, k)};
      n += width(spec, k);
    }
    return r;
  }
}
