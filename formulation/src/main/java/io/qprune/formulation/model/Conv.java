package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/** A square, 'same'-padded 2-D convolution's weight (and optional bias), stride 1 unless given. */
final class Conv {
  private static final Shape ONE = new Shape(1, 1);
  private final Parameter weight;
  private final Parameter bias;
  private final Shape padding;
  private final Shape stride;
  private final int groups;
  private final String name;

  Conv(ParamFactory owner, String name, int in, int out, int kernel, int groups, boolean bias) {
    this(owner, name, in, out, kernel, 1, groups, bias);
  }

  Conv(ParamFactory owner, String name, int in, int out, int kernel, int stride, int groups, boolean bias) {
    this.weight =
        owner.param(name + ".weight", Parameter.Type.WEIGHT,
            new Shape(out, in / groups, kernel, kernel));
    this.bias = bias ? owner.param(name + ".bias", Parameter.Type.BIAS, new Shape(out)) : null;
    this.padding = new Shape(kernel / 2, kernel / 2);
    this.stride = new Shape(stride, stride);
    this.groups = groups;
    this.name = name;
  }

  /** The name its parameters carry (e.g. {@code enc1a.primary}). */
  String name() {
    return name;
  }

  /** The weight parameter (out × in/groups × k × k). */
  Parameter weight() {
    return weight;
  }

  NDArray apply(NDArray x) {
    return apply(x, weight.getArray(), bias == null ? null : bias.getArray());
  }

  /**
   * This conv with each output channel o's filter multiplied by {@code scale[o]} and its bias
   * replaced by {@code shift[o] + scale[o] · bias[o]} (bias 0 if it has none): applied to
   * {@code x}, the folded weights are made in {@code arrays}.
   */
  NDArray applyFolded(NDArray x, float[] scale, float[] shift, NDManager arrays) {
    return applyFolded(x, scale, shift, null, arrays);
  }

  /**
   * {@link #applyFolded(NDArray, float[], float[], NDManager)} with every weight also multiplied by
   * its entry of {@code weightMask} (flattened like the weight; null keeps all).
   */
  NDArray applyFolded(NDArray x, float[] scale, float[] shift, float[] weightMask, NDManager arrays) {
    float[] b = foldedBias(scale, shift);
    if (weightMask == null) {
      // the step-owned scale comes first so that the product is owned by `arrays`, not the model
      NDArray w = arrays.create(scale, new Shape(scale.length, 1, 1, 1)).mul(weight.getArray());
      return apply(x, w, arrays.create(b));
    }
    float[] w = weight.getArray().toFloatArray();
    if (weightMask.length != w.length) {
      throw new IllegalArgumentException("weight mask of " + weightMask.length + " for " + w.length + " weights");
    }
    int per = w.length / scale.length;
    for (int i = 0; i < w.length; i++) {
      w[i] *= scale[i / per] * weightMask[i];
    }
    return apply(x, arrays.create(w, weight.getArray().getShape()), arrays.create(b));
  }

  /**
   * This conv cut down to the output channels {@code out} and applied to input channels spread
   * over several arrays: {@code xs.get(i)} holds this conv's input channels {@code ins.get(i)}
   * (indices into its own channels, in that order), and the result is the sum of the cut conv over
   * each array — what the conv computes on their concatenation, without making it (at full
   * resolution two half-width convs and an in-place sum are about twice as fast as concatenating
   * and one full-width conv). Output channel o's filter is multiplied by {@code scale[o]} and its
   * bias replaced by {@code shift[o] + scale[o] · bias[o]} ({@code scale} and {@code shift} are
   * indexed by the conv's own channels). A depthwise conv takes one array and keeps its pairing of
   * input and output channel. The cut weights are made in {@code arrays}.
   */
  NDArray applySliced(List<NDArray> xs, List<int[]> ins, int[] out, float[] scale, float[] shift,
      NDManager arrays) {
    return cut(ins, out, scale, shift, arrays).apply(xs);
  }

  /**
   * The weights {@link #applySliced} applies: this conv cut down to the output channels {@code out}
   * over the input channels {@code ins.get(i)} of each input array i, with the per-output
   * {@code scale} and {@code shift} folded in. The cut weights are made in {@code arrays}.
   */
  SlicedConv cut(List<int[]> ins, int[] out, float[] scale, float[] shift, NDManager arrays) {
    Shape s = weight.getArray().getShape();
    boolean depthwise = groups > 1;
    if (depthwise && (groups != s.get(0) || ins.size() != 1)) {
      throw new IllegalStateException(name + ": only plain and depthwise convs can be cut down");
    }
    float[] w = weight.getArray().toFloatArray();
    float[] b = foldedBias(scale, shift);
    float[] cutB = new float[out.length];
    for (int i = 0; i < out.length; i++) {
      cutB[i] = b[out[i]];
    }
    List<NDArray> weights = new java.util.ArrayList<>(ins.size());
    for (int[] given : ins) {
      int[] in = depthwise ? new int[] {0} : given;
      weights.add(arrays.create(cut(w, s, out, in, scale), new Shape(out.length, in.length, s.get(2), s.get(3))));
    }
    return new SlicedConv(name, weights, arrays.create(cutB), (int) stride.get(0), depthwise);
  }

  /** The filters of output channels {@code out} over input channels {@code in}, scaled per output. */
  private static float[] cut(float[] w, Shape s, int[] out, int[] in, float[] scale) {
    int inPer = (int) s.get(1);
    int kk = (int) (s.get(2) * s.get(3));
    float[] cut = new float[out.length * in.length * kk];
    for (int i = 0; i < out.length; i++) {
      int o = out[i];
      for (int j = 0; j < in.length; j++) {
        int from = (o * inPer + in[j]) * kk;
        int to = (i * in.length + j) * kk;
        for (int t = 0; t < kk; t++) {
          cut[to + t] = w[from + t] * scale[o];
        }
      }
    }
    return cut;
  }

  /** This conv (no batch norm) with its weights multiplied by {@code weightMask} (null keeps all). */
  NDArray applyMasked(NDArray x, float[] weightMask, NDManager arrays) {
    if (weightMask == null) {
      return apply(x);
    }
    float[] w = weight.getArray().toFloatArray();
    for (int i = 0; i < w.length; i++) {
      w[i] *= weightMask[i];
    }
    return apply(x, arrays.create(w, weight.getArray().getShape()), bias == null ? null : bias.getArray());
  }

  private float[] foldedBias(float[] scale, float[] shift) {
    float[] b = shift.clone();
    if (bias != null) {
      float[] own = bias.getArray().toFloatArray();
      for (int o = 0; o < b.length; o++) {
        b[o] += scale[o] * own[o];
      }
    }
    return b;
  }

  private NDArray apply(NDArray x, NDArray w, NDArray b) {
    return Conv2d.conv2d(x, w, b, stride, padding, ONE, groups).singletonOrThrow();
  }
}
