package io.qprune.formulation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.ModelSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The O(1) swap values equal flipping, evaluating and flipping back, for every cost that has them. */
class SwapsTest {
  @Test
  void quadraticSwapsWithRepeatedPairsEqualTheFullValue() {
    Random r = new Random(3);
    int n = 30;
    CostTerms t = new CostTerms("q", n).constant(2.5);
    for (int i = 0; i < n; i++) {
      t.linear(i, r.nextDouble() - 0.3);
    }
    for (int k = 0; k < 120; k++) {
      int i = r.nextInt(n);
      int j = r.nextInt(n);
      if (i != j) {
        t.pair(i, j, r.nextGaussian());
      }
    }
    t.pair(4, 9, 1.5).pair(9, 4, 0.25); // the same pair twice, both orders
    check(t.build(), r);
  }

  @Test
  void halfUNetSwapsIncludingTheFusedMapEqualTheFullValue() {
    Random r = new Random(4);
    for (ModelSpec spec : List.of(new ModelSpec(Architecture.HALF_UNET, 8, 2, ColorMode.GREY),
        new ModelSpec(Architecture.HALF_UNET, 32, 5, ColorMode.GREY))) {
      check(new HalfUNetCost(spec, CostKind.FLOPS), r);
      int layers = 2 * spec.depth() + 2;
      double[] v = new double[2 * layers + 3];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextDouble();
      }
      check(new HalfUNetCost(spec, "latency", HalfUNetCost.Weights.of(v)), r);
    }
  }

  @Test
  void cappedExcessAfterASwapEqualsTheExcessOfTheSwappedMask() {
    Random r = new Random(5);
    ModelSpec spec = new ModelSpec(Architecture.HALF_UNET, 16, 3, ColorMode.GREY);
    HalfUNetCost flops = new HalfUNetCost(spec, CostKind.FLOPS);
    double[] v = new double[2 * (2 * spec.depth() + 2) + 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble();
    }
    HalfUNetCost latency = new HalfUNetCost(spec, "latency", HalfUNetCost.Weights.of(v));
    CappedCost capped = new CappedCost(flops, List.of(new CappedCost.Cap(latency, 0.55),
        new CappedCost.Cap(new HalfUNetCost(spec, CostKind.PARAMS), 0.6)));
    check(capped, r);
    int nonZero = 0;
    for (int t = 0; t < 40; t++) {
      boolean[] keep = random(capped.size(), r);
      MaskCost.Swaps e = capped.capExcessSwaps(keep);
      for (int s = 0; s < 40; s++) {
        int[] sw = swap(keep, r);
        if (sw == null) {
          continue;
        }
        double want = afterSwap(keep, sw, capped::capExcess);
        double got = e.after(sw[0], sw[1]);
        assertThat(got).isCloseTo(want, within(1e-9));
        assertThat(got == 0).isEqualTo(want == 0);
        nonZero += want > 0 ? 1 : 0;
      }
    }
    assertThat(nonZero).isPositive(); // the caps bind on some of the swaps
    boolean[] keep = random(flops.size(), r);
    assertThat(flops.capExcessSwaps(keep).after(0, 1)).isZero();
  }

  private static void check(MaskCost cost, Random r) {
    for (int t = 0; t < 40; t++) {
      boolean[] keep = random(cost.size(), r);
      boolean[] copy = keep.clone();
      MaskCost.Swaps s = cost.swaps(keep);
      for (int k = 0; k < 60; k++) {
        int[] sw = swap(keep, r);
        if (sw == null) {
          continue;
        }
        double want = afterSwap(keep, sw, cost::value);
        assertThat(s.after(sw[0], sw[1])).as("%s swap %d -> %d", cost.name(), sw[0], sw[1])
            .isCloseTo(want, within(1e-9 * Math.max(1, Math.abs(want))));
      }
      assertThat(keep).isEqualTo(copy);
    }
  }

  /** {@code f} of {@code keep} with the swap made; {@code keep} is restored. */
  private static double afterSwap(boolean[] keep, int[] sw, java.util.function.ToDoubleFunction<boolean[]> f) {
    keep[sw[0]] = false;
    keep[sw[1]] = true;
    double v = f.applyAsDouble(keep);
    keep[sw[0]] = true;
    keep[sw[1]] = false;
    return v;
  }

  private static boolean[] random(int n, Random r) {
    boolean[] keep = new boolean[n];
    double p = 0.2 + 0.6 * r.nextDouble();
    for (int i = 0; i < n; i++) {
      keep[i] = r.nextDouble() < p;
    }
    return keep;
  }

  /** A random kept unit and a random pruned one, or null when the mask has none of either. */
  private static int[] swap(boolean[] keep, Random r) {
    int off = -1;
    int on = -1;
    for (int tries = 0; tries < 1000 && (off < 0 || on < 0); tries++) {
      int i = r.nextInt(keep.length);
      if (keep[i] && off < 0) {
        off = i;
      } else if (!keep[i] && on < 0) {
        on = i;
      }
    }
    return off < 0 || on < 0 ? null : new int[] {off, on};
  }
}
