package io.qprune.formulation.cost;

import io.qprune.formulation.model.ModelSpec;
import java.util.stream.IntStream;

/**
 * FLOPs or parameters of a pruned Half-UNet as a function of its mask, counted as
 * {@code Denoiser.cost} counts them (Ghost blocks: 3×3 primary conv from the kept inputs, depthwise
 * cheap conv, two batch norms; level l at 4^-l of the pixels; 1×1 head).
 *
 * <p>Every term is a product of at most two mask bits (a conv's kept inputs times its kept
 * outputs) except one: the fused map feeding {@code dec1} holds channel j when <em>any</em>
 * level's last block keeps unit j, so {@code dec1}'s primary conv costs
 * {@code w·|∪_l K_l|·k_dec1}, and the OR of L ≥ 2 bits times a bit is a polynomial of degree L + 1
 * (the monomial {@code x_1·…·x_L·y} has coefficient ±w), not a quadratic. {@link #value} counts it
 * exactly; {@link #around} replaces the OR of each channel by a form exact at the reference and
 * one flip away: 1 when at least two levels keep j (no single flip changes the OR), the one
 * keeping level's bit when exactly one does, the sum of the levels' bits when none does.
 */
final class HalfUNetCost implements MaskCost {
  private final CostKind kind;
  private final int units;
  private final int levels;
  private final QuadraticCost base;
  private final double unionWeight;
  private final int[] dec1;

  HalfUNetCost(ModelSpec spec, CostKind kind) {
    this.kind = kind;
    this.units = spec.channels() / 2;
    this.levels = spec.depth();
    int in = spec.color().channels();
    boolean flops = kind == CostKind.FLOPS;
    // a Ghost block of k units on c inputs: 9ck + 9k MACs, 9ck + 9k + 4k parameters
    double perUnit = flops ? 2 * 9 : 9 + 4;
    double perPair = flops ? 2 * 9 * 2 : 9 * 2; // input channels come in twins (primary, cheap)
    this.unionWeight = perPair;
    int n = units * (2 * levels + 2);
    CostTerms t = new CostTerms(kind.toString(), n);
    for (int k = 0; k < 2 * levels; k++) {
      double scale = flops ? Math.pow(0.25, k / 2) : 1;
      for (int i : layer(k)) {
        t.linear(i, scale * (perUnit + (k == 0 ? (flops ? 2 * 9 : 9) * in : 0)));
      }
      if (k > 0) {
        t.pairs(layer(k - 1), layer(k), scale * perPair);
      }
    }
    this.dec1 = layer(2 * levels);
    int[] dec2 = layer(2 * levels + 1);
    for (int i : dec1) {
      t.linear(i, perUnit);
    }
    for (int i : dec2) {
      t.linear(i, perUnit + (flops ? 2 * 2 * in : 2 * in)); // and the 1×1 head's weights
    }
    t.pairs(dec1, dec2, perPair);
    t.constant(flops ? 0 : in); // head bias
    this.base = t.build();
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
    return kind.toString();
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
    return base.value(keep) + unionWeight * fused * k1;
  }

  @Override
  public QuadraticCost around(boolean[] reference) {
    CostTerms t = new CostTerms(kind.toString(), base.n()).constant(base.constant());
    for (int i = 0; i < base.n(); i++) {
      t.linear(i, base.linear()[i]);
    }
    for (int k = 0; k < base.pairI().length; k++) {
      t.pair(base.pairI()[k], base.pairJ()[k], base.pairW()[k]);
    }
    for (int j = 0; j < units; j++) {
      int keeping = 0;
      int only = -1;
      for (int l = 0; l < levels; l++) {
        if (reference[last(l, j)]) {
          keeping++;
          only = last(l, j);
        }
      }
      for (int i : dec1) {
        if (keeping >= 2) {
          t.linear(i, unionWeight);
        } else if (keeping == 1) {
          t.pair(only, i, unionWeight);
        } else {
          for (int l = 0; l < levels; l++) {
            t.pair(last(l, j), i, unionWeight);
          }
        }
      }
    }
    return t.build();
  }
}
