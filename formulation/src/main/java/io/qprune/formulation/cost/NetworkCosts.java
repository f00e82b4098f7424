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
      throw new io.qprune.api.InvalidInputException("A latency budget is fitted for the Half-UNet denoiser only;"
          + " for the classifier use flops or params");
    }
    return ResNetCost.of(spec, kind);
  }

  /**
   * DnCNN (conv+ReLU, conv+BN+ReLU layers, a last conv): each 3×3 conv costs 9·k_in·k_out, so the
   * cost is exactly quadratic (pairs between consecutive layers), with per-unit bias/BN terms.
   */
  static QuadraticCost dnCnn(ModelSpec spec, CostKind kind) {
    int in = spec.color().channels();
    int width = spec.channels();
    int hidden = spec.depth() - 1;
    boolean flops = kind == CostKind.FLOPS;
    double conv = flops ? 2 * 9 : 9;
    CostTerms t = new CostTerms(kind.toString(), hidden * width);
    for (int l = 0; l < hidden; l++) {
      int[] units = IntStream.range(l * width, (l + 1) * width).toArray();
      for (int i : units) {
        t.linear(i, (l == 0 ? conv * in : 0) + (flops ? 0 : l == 0 ? 1 : 2)
            + (l == hidden - 1 ? conv * in : 0));
      }
      if (l > 0) {
        t.pairs(IntStream.range((l - 1) * width, l * width).toArray(), units, conv);
      }
    }
    return t.build();
  }
}
