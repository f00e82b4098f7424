package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A ResNet classifier with its pruned channels removed for real (made by {@link Classifier#cut}):
 * every conv holds only its kept output channels over its kept inputs with batch norm folded in,
 * the classifier only the kept columns, and each new stage's shortcut gathers the channels the two
 * stages share. Its logits equal the channel-masked network's; {@link #macs} counts the
 * multiply-adds it really does. A conv left without inputs outputs its bias (no multiply-adds); a
 * layer left without channels outputs nothing. Owns native memory: close it when done.
 */
public final class SlimResNet implements AutoCloseable {
  private final ResNetSpec spec;
  private final List<int[]> kept;
  private final int[] convIn;
  private final int[] convOut;
  private final List<SlicedConv> convs;
  private final NDArray fcWeight;
  private final NDArray fcBias;
  private final NDManager manager;

  private SlimResNet(ResNetSpec spec, List<int[]> kept, int[] convIn, int[] convOut, List<SlicedConv> convs,
      NDArray fcWeight, NDArray fcBias, NDManager manager) {
    this.spec = spec;
    this.kept = kept;
    this.convIn = convIn;
    this.convOut = convOut;
    this.convs = convs;
    this.fcWeight = fcWeight;
    this.fcBias = fcBias;
    this.manager = manager;
  }

  /** {@code net} under the channel mask {@code mask}, in a manager of its own. */
  static SlimResNet of(ResNetSpec spec, ResNet net, Mask mask) {
    List<Layer> layers = net.channelLayers();
    List<int[]> kept = new ArrayList<>();
    for (Layer l : layers) {
      kept.add(IntStream.range(0, l.units()).filter(j -> mask.keeps(l.firstUnit() + j)).toArray());
    }
    List<Conv> all = net.convs();
    int n = all.size();
    int[] in = new int[n];
    int[] out = new int[n];
    in[0] = -1; // the image
    out[0] = net.streamLayer(0);
    for (int s = 0; s < 3; s++) {
      for (int b = 0; b < spec.blocks(); b++) {
        int k = net.conv1(s, b);
        in[k] = net.streamLayer(s > 0 && b == 0 ? s - 1 : s);
        out[k] = net.innerLayer(s, b);
        in[k + 1] = out[k];
        out[k + 1] = net.streamLayer(s);
      }
    }
    NDManager own = Torch.engine().newBaseManager();
    try {
      List<SlicedConv> cut = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int[] ins = in[k] < 0 ? IntStream.range(0, spec.channels()).toArray() : kept.get(in[k]);
        float[][] f = net.norm(k).fold(ResNet.ones(net.norm(k).channels()));
        cut.add(kept.get(out[k]).length == 0 ? null
            : all.get(k).cut(List.of(ins.length == 0 ? new int[] {0} : ins), kept.get(out[k]), f[0], f[1], own));
      }
      NDArray[] fc = net.fc();
      int[] last = kept.get(net.streamLayer(2));
      float[] w = fc[0].toFloatArray();
      int width = (int) fc[0].getShape().get(1);
      float[] cutW = new float[spec.classes() * last.length];
      for (int c = 0; c < spec.classes(); c++) {
        for (int j = 0; j < last.length; j++) {
          cutW[c * last.length + j] = w[c * width + last[j]];
        }
      }
      return new SlimResNet(spec, kept, in, out, cut, own.create(cutW, new Shape(spec.classes(), last.length)),
          own.create(fc[1].toFloatArray()), own);
    } catch (RuntimeException e) {
      own.close();
      throw e;
    }
  }

  /** The kept channel indices of each channel layer (as {@link Classifier#channelLayers()}), ascending. */
  public List<int[]> keptChannels() {
    List<int[]> out = new ArrayList<>();
    kept.forEach(k -> out.add(k.clone()));
    return out;
  }

  /** The manager owning its weights; make per-batch sub-managers from it. */
  public NDManager manager() {
    return manager;
  }

  /** Class scores of normalised inputs (N × C × H × W); intermediate arrays are made in {@code arrays}. */
  public NDArray logits(NDArray x, NDManager arrays) {
    return forward(x, arrays, null);
  }

  /** Multiply-adds of one forward pass on one input image (convs on their real inputs, the classifier). */
  public long macs() {
    try (NDManager sub = manager.newSubManager()) {
      long[] count = new long[1];
      forward(sub.zeros(new Shape(1, spec.channels(), spec.size(), spec.size())), sub, count);
      return count[0];
    }
  }

  /**
   * Trainable parameters this network stands for: its conv weights on real inputs, two per kept
   * channel of each conv for its batch norm (scale and shift, folded into the bias here), and the
   * classifier's weights and biases.
   */
  public long params() {
    long n = fcWeight.size() + fcBias.size();
    for (int k = 0; k < convs.size(); k++) {
      SlicedConv c = convs.get(k);
      if (c != null) {
        n += 2L * c.outChannels() + (hasInput(k) ? c.weights().get(0).size() : 0);
      }
    }
    return n;
  }

  private boolean hasInput(int k) {
    return convIn[k] < 0 || kept.get(convIn[k]).length > 0;
  }

  /** Conv k on {@code h} (null: no channels), null when it keeps no outputs; counts its multiply-adds. */
  private NDArray conv(int k, NDArray h, long batch, long side, NDManager arrays, long[] count) {
    SlicedConv c = convs.get(k);
    if (c == null) {
      return null;
    }
    if (h == null || !hasInput(k)) {
      return constant(c.bias(), batch, side, arrays);
    }
    NDArray y = c.apply(List.of(h));
    if (count != null) {
      count[0] += c.weights().get(0).size() * y.getShape().get(2) * y.getShape().get(3);
    }
    return y;
  }

  /** {@code bias} (one value per channel) as N × channels × side × side maps, made in {@code arrays}. */
  private static NDArray constant(NDArray bias, long batch, long side, NDManager arrays) {
    long c = bias.size();
    return arrays.create(bias.toFloatArray(), new Shape(1, c, 1, 1)).broadcast(new Shape(batch, c, side, side));
  }

  private NDArray forward(NDArray x, NDManager arrays, long[] count) {
    long batch = x.getShape().get(0);
    long side = x.getShape().get(2);
    NDArray h = relu(conv(0, x, batch, side, arrays, count));
    int k = 1;
    for (int s = 0; s < 3; s++) {
      for (int b = 0; b < spec.blocks(); b++, k += 2) {
        boolean entry = s > 0 && b == 0;
        long outSide = entry ? (side + 1) / 2 : side;
        NDArray o = relu(conv(k, h, batch, outSide, arrays, count));
        NDArray r = conv(k + 1, o, batch, outSide, arrays, count);
        if (r == null) {
          h = null;
        } else {
          NDArray shortcut = !entry || h == null ? h
              : HalfUNet.spread(ResNet.downsample(h), kept.get(convIn[k]), kept.get(convOut[k + 1]), arrays);
          h = relu(shortcut == null ? r : r.add(shortcut));
        }
        side = outSide;
      }
    }
    if (h == null) {
      return arrays.create(fcBias.toFloatArray(), new Shape(1, spec.classes()))
          .broadcast(new Shape(batch, spec.classes()));
    }
    if (count != null) {
      count[0] += fcWeight.size();
    }
    NDArray pooled = h.reshape(h.getShape().get(0), h.getShape().get(1), -1).mean(new int[] {2});
    return Linear.linear(pooled, fcWeight, fcBias).singletonOrThrow();
  }

  private static NDArray relu(NDArray a) {
    return a == null ? null : Activation.relu(a);
  }

  @Override
  public void close() {
    manager.close();
  }
}
