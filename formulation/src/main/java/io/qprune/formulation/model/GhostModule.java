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

  /** Its two convs (primary, cheap). */
  List<Conv> convs() {
    return List.of(primary, cheap);
  }

  NDArray apply(NDArray x, NDArray mask, boolean training, List<NDArray> taps) {
    NDArray p = Activation.relu(primaryBn.apply(primary.apply(x), training));
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
   * {@link #apply} at inference (running statistics) with the pruned units removed: only the units
   * {@code keep} are computed, with the batch norms folded into the conv weights. Returns the kept
   * primary channels and their cheap twins as two arrays (keep.length channels each, in the order
   * of {@code keep}) — exactly the kept channels of the masked output, whose other channels are
   * zero — or null when {@code keep} is empty. The input is spread over {@code xs}, array i holding
   * this block's input channels {@code ins.get(i)}; no arrays means every input channel is zero (a
   * fully pruned predecessor), and the primary conv then yields its bias, computed on a zero map of
   * shape {@code zeroInput} (N × 1 × h × w). Weights are made in {@code arrays}.
   */
  NDArray[] applyPruned(List<NDArray> xs, List<int[]> ins, int[] keep, Shape zeroInput, NDManager arrays) {
    if (keep.length == 0) {
      return null;
    }
    float[] ones = new float[primaryBn.channels()];
    Arrays.fill(ones, 1f);
    float[][] pf = primaryBn.fold(ones);
    NDArray p = Activation.relu(xs.isEmpty()
        ? primary.applySliced(List.of(arrays.zeros(zeroInput)), List.of(new int[] {0}), keep, pf[0], pf[1], arrays)
        : primary.applySliced(xs, ins, keep, pf[0], pf[1], arrays));
    float[][] cf = cheapBn.fold(ones);
    NDArray c = Activation.relu(cheap.applySliced(List.of(p), List.of(keep), keep, cf[0], cf[1], arrays));
    return new NDArray[] {p, c};
  }
}
