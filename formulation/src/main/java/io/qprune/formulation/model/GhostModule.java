package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.List;

/**
 * A Ghost block: half of the output channels from a 3×3 conv (+BN+ReLU), the other half from a
 * cheap depthwise 3×3 conv on them (+BN+ReLU). Unit j is primary channel j with its cheap twin
 * j + units; one mask value multiplies both, so a masked unit contributes exactly nothing.
 */
final class GhostModule {
  private final Conv primary;
  private final BatchNormParams primaryBn;
  private final Conv cheap;
  private final BatchNormParams cheapBn;

  GhostModule(MaskedNetwork owner, String name, int in, int units) {
    primary = new Conv(owner, name + ".primary", in, units, 3, 1, false);
    primaryBn = new BatchNormParams(owner, name + ".primaryBn", units);
    cheap = new Conv(owner, name + ".cheap", units, units, 3, units, false);
    cheapBn = new BatchNormParams(owner, name + ".cheapBn", units);
  }

  /** Its primary conv (what consumes the block's input). */
  Conv primary() {
    return primary;
  }

  /** Its two convs (primary, cheap). */
  List<Conv> convs() {
    return List.of(primary, cheap);
  }

  NDArray apply(NDArray x, NDArray mask, boolean training, List<NDArray> taps) {
    return apply(x, mask, null, training, taps);
  }

  /**
   * {@link #apply(NDArray, NDArray, boolean, List)} with {@code delta} (1 × units × 1 × 1, or null)
   * added to the primary conv's output before its batch norm: the bias compensation.
   */
  NDArray apply(NDArray x, NDArray mask, NDArray delta, boolean training, List<NDArray> taps) {
    NDArray y = primary.apply(x);
    NDArray p = Activation.relu(primaryBn.apply(delta == null ? y : y.add(delta), training));
    NDArray c = Activation.relu(cheapBn.apply(cheap.apply(p), training));
    if (taps != null) {
      taps.add(NDArrays.concat(new NDList(p, c), 1));
    }
    if (mask != null) {
      p = p.mul(mask);
      c = c.mul(mask);
    }
    return NDArrays.concat(new NDList(p, c), 1);
  }

  /**
   * This block at inference (running statistics) cut down to the units {@code keep}, with the batch
   * norms folded into the conv weights: the primary conv over the input arrays' channels {@code
   * ins} (array i holding this block's input channels {@code ins.get(i)}; {@link
   * SlimDenoiser#ZERO_INPUT} for a fully pruned predecessor, whose zero map then yields the bias),
   * and the depthwise cheap conv; none when {@code keep} is empty. Weights are made in {@code arrays}.
   */
  List<SlicedConv> cut(List<int[]> ins, int[] keep, NDManager arrays) {
    return cut(ins, keep, null, arrays);
  }

  /**
   * {@link #cut(List, int[], NDManager)} with {@code delta} (one value per primary channel, or null)
   * added to the primary conv's bias before its batch norm is folded in (so scaled by it).
   */
  List<SlicedConv> cut(List<int[]> ins, int[] keep, float[] delta, NDManager arrays) {
    if (keep.length == 0) {
      return List.of();
    }
    float[] ones = new float[primaryBn.channels()];
    Arrays.fill(ones, 1f);
    float[][] pf = primaryBn.fold(ones);
    float[][] cf = cheapBn.fold(ones);
    if (delta != null) {
      for (int c = 0; c < delta.length; c++) {
        pf[1][c] += pf[0][c] * delta[c];
      }
    }
    return List.of(primary.cut(ins, keep, pf[0], pf[1], arrays), cheap.cut(List.of(keep), keep, cf[0], cf[1], arrays));
  }
}
