package io.qprune.formulation.cost;

import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.ResNetSpec;
import java.util.stream.IntStream;

/** The FLOPs or parameter cost of a shipped network architecture as a function of its mask. */
public final class NetworkCosts {
  private NetworkCosts() {}

  /** The cost of {@code spec}'s network, over its units in global order. */
  public static MaskCost of(ModelSpec spec, CostKind kind) {
    if (kind == CostKind.LATENCY) {
      throw new io.qprune.api.InvalidInputException("A latency cost is measured on the model, not counted from its"
          + " shape: use LatencyFit (prune --latency)");
    }
    return spec.architecture() == Architecture.HALF_UNET ? new HalfUNetCost(spec, kind) : dnCnn(spec, kind);
  }

  /**
   * The cost of a filter-pruned ResNet classifier over its channel units (see {@link ResNetCost}):
   * an exact quadratic.
   */
  public static QuadraticCost of(ResNetSpec spec, CostKind kind) {
    if (kind == CostKind.LATENCY) {
      throw new io.qprune.api.InvalidInputException("A latency cost is measured on the model, not counted from its"
          + " shape: use LatencyFit.forClassifier (prune --latency)");
    }
    return ResNetCost.of(spec, kind);
  }

  /**
   * DnCNN (conv+ReLU, conv+BN+ReLU layers, a last conv): each 3×3 conv costs 9·k_in·k_out, so the
   * cost is exactly quadratic (pairs between consecutive layers), with per-unit bias/BN terms.
   */
  static QuadraticCost dnCnn(ModelSpec spec, CostKind kind) {
    int in = spec.color().channels();
    int hidden = spec.depth() - 1;
    boolean flops = kind == CostKind.FLOPS;
    double conv = flops ? 2 * 9 : 9;
    double[] w = new double[2 * hidden];
    for (int l = 0; l < hidden; l++) {
      w[1 + l] = (l == 0 ? conv * in : 0) + (flops ? 0 : l == 0 ? 1 : 2) + (l == hidden - 1 ? conv * in : 0);
      if (l > 0) {
        w[hidden + l] = conv;
      }
    }
    return dnCnn(spec, kind.toString(), w);
  }

  /**
   * A DnCNN cost of this shape with weights {@code w} in the order of {@link #dnCnnFeatures}: a
   * constant, a weight per kept unit of each hidden layer, a weight per kept (unit, unit) pair of
   * each pair of consecutive layers. Counted FLOPs and parameters are one such cost; a fitted
   * latency ({@link LatencyFit}) another.
   */
  static QuadraticCost dnCnn(ModelSpec spec, String name, double[] w) {
    int width = spec.channels();
    int hidden = spec.depth() - 1;
    if (w.length != 2 * hidden) {
      throw new io.qprune.api.InvalidInputException("A DnCNN cost vector of " + spec + " has " + 2 * hidden
          + " entries, got " + w.length);
    }
    CostTerms t = new CostTerms(name, hidden * width).constant(w[0]);
    for (int l = 0; l < hidden; l++) {
      int[] units = IntStream.range(l * width, (l + 1) * width).toArray();
      for (int i : units) {
        t.linear(i, w[1 + l]);
      }
      if (l > 0 && w[hidden + l] != 0) {
        t.pairs(IntStream.range((l - 1) * width, l * width).toArray(), units, w[hidden + l]);
      }
    }
    return t.build();
  }

  /** What {@link #dnCnn(ModelSpec, String, double[])}'s weights multiply: 1, kept per layer, kept(l − 1)·kept(l). */
  static double[] dnCnnFeatures(ModelSpec spec, boolean[] keep) {
    int width = spec.channels();
    int hidden = spec.depth() - 1;
    if (keep.length != hidden * width) {
      throw new io.qprune.api.InvalidInputException("A mask of " + keep.length + " units for the " + hidden * width
          + " of " + spec);
    }
    double[] f = new double[2 * hidden];
    f[0] = 1;
    for (int i = 0; i < keep.length; i++) {
      f[1 + i / width] += keep[i] ? 1 : 0;
    }
    for (int l = 1; l < hidden; l++) {
      f[hidden + l] = f[l] * f[1 + l];
    }
    return f;
  }
}
