package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
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
   * {@link #apply} at inference (running statistics) with the batch norms and the 0/1 unit mask
   * {@code m} folded into the conv weights, made in {@code arrays}: relu(bn(y)) · m =
   * relu(bn(y) · m) for m ≥ 0, and the cheap conv then reads the already-masked primary output.
   */
  NDArray applyFolded(NDArray x, float[] m, NDManager arrays) {
    float[][] pf = primaryBn.fold(m);
    NDArray p = Activation.relu(primary.applyFolded(x, pf[0], pf[1], arrays));
    float[][] cf = cheapBn.fold(m);
    NDArray c = Activation.relu(cheap.applyFolded(p, cf[0], cf[1], arrays));
    return NDArrays.concat(new NDList(p, c), 1);
  }
}
