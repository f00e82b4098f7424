package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.classify.LabelledImages;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-image {@code ∂L/∂m} of every channel unit of a classifier, L the image's cross-entropy: each
 * channel layer's output is multiplied by a leaf mask array (holding the classifier's channel mask)
 * wherever it is made, and its gradient read after a backward pass in inference mode (BN on running
 * statistics), one image per pass as {@link MaskGradients} does and for the same reason. The
 * weights are frozen meanwhile.
 */
public final class ClassifierGradients {
  private ClassifierGradients() {}

  /**
   * The side the activation maps are pooled to for similarity: the last stage's map side when it
   * divides the earlier stages' sides, else 1 (global average).
   */
  public static int pooledSide(ResNetSpec spec) {
    int s1 = spec.size();
    int s2 = (s1 + 1) / 2;
    int s3 = (s2 + 1) / 2;
    return s1 % s3 == 0 && s2 % s3 == 0 ? s3 : 1;
  }

  /**
   * Gradients on images {@code from}..{@code to} of {@code data}; when {@code pooled > 0}, also each
   * unit's activation maps (a stream's at every place it is made) average-pooled to pooled × pooled.
   */
  public static Calibration compute(Classifier model, LabelledImages data, int from, int to, int pooled) {
    if (to <= from) {
      throw new InvalidInputException("Calibration needs at least one image, got " + from + ".." + to);
    }
    int n = to - from;
    List<Layer> layers = model.channelLayers();
    double[][] grads = new double[model.channelUnits()][n];
    float[][] acts = pooled > 0 ? new float[model.channelUnits()][] : null;
    model.network().freezeParameters(true);
    try {
      for (int s = 0; s < n; s++) {
        try (NDManager sub = model.manager().newSubManager()) {
          NDArray x = model.inputs(data, from + s, from + s + 1, sub);
          float[] onehot = new float[data.classes()];
          onehot[data.label(from + s)] = 1f;
          NDArray y = sub.create(onehot, new Shape(1, data.classes()));
          List<NDArray> masks = new ArrayList<>();
          for (Layer l : layers) {
            NDArray m = sub.create(MaskedNetwork.layerMask(model.channelMask(), l), new Shape(1, l.units(), 1, 1));
            m.setRequiresGradient(true);
            masks.add(m);
          }
          List<List<NDArray>> taps = new ArrayList<>();
          layers.forEach(l -> taps.add(new ArrayList<>()));
          try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray logits = model.net().logits(x, false, masks, acts == null ? null
                : (layer, a) -> taps.get(layer).add(a.stopGradient()));
            gc.backward(logits.logSoftmax(1).mul(y).sum().neg());
          }
          for (Layer l : layers) {
            float[] g = masks.get(l.index()).getGradient().toFloatArray();
            for (int j = 0; j < l.units(); j++) {
              grads[l.firstUnit() + j][s] = g[j];
            }
            if (acts != null) {
              List<NDArray> t = taps.get(l.index());
              NDArray all = t.size() == 1 ? t.get(0) : NDArrays.concat(new NDList(t), 1);
              MaskGradients.pool(all, new Layer(l.name(), l.index(), l.units(), l.firstUnit(), t.size()), pooled,
                  acts, s, n);
            }
          }
        }
      }
    } finally {
      model.network().freezeParameters(false);
    }
    return new Calibration(grads, acts, n, Math.max(pooled, 0));
  }
}
