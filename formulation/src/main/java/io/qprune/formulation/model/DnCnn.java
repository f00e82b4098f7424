package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * DnCNN-style denoiser: conv+ReLU, then (depth − 2) × conv+BN+ReLU, then a conv predicting the
 * noise, with the residual output {@code x − noise}. Every hidden channel is a unit.
 */
final class DnCnn extends MaskedNetwork {
  private final int in;
  private final int width;
  private final List<Conv> convs = new ArrayList<>();
  private final List<BatchNormParams> norms = new ArrayList<>();
  private final List<Layer> layers = new ArrayList<>();

  DnCnn(ModelSpec spec, long seed) {
    super(seed);
    this.in = spec.color().channels();
    this.width = spec.channels();
    for (int i = 0; i < spec.depth() - 1; i++) {
      String name = "conv" + (i + 1);
      convs.add(new Conv(this, name, i == 0 ? in : width, width, 3, 1, i == 0));
      norms.add(i == 0 ? null : new BatchNormParams(this, name + ".bn", width));
      layers.add(new Layer(name, i, width, i * width, 1));
    }
    convs.add(new Conv(this, "conv" + spec.depth(), width, in, 3, 1, false));
  }

  @Override
  public List<Layer> layers() {
    return List.copyOf(layers);
  }

  @Override
  public NDArray denoise(NDArray x, List<NDArray> masks, boolean training, List<NDArray> taps) {
    NDArray h = x;
    for (int i = 0; i < layers.size(); i++) {
      h = convs.get(i).apply(h);
      if (norms.get(i) != null) {
        h = norms.get(i).apply(h, training);
      }
      h = Activation.relu(h);
      if (taps != null) {
        taps.add(h);
      }
      if (masks != null) {
        h = h.mul(masks.get(i));
      }
    }
    return x.sub(convs.get(layers.size()).apply(h));
  }

  @Override
  public NDArray denoiseFolded(NDArray x, Mask mask, NDManager arrays) {
    NDArray h = x;
    for (int i = 0; i < layers.size(); i++) {
      float[] m = layerMask(mask, layers.get(i));
      float[][] f =
          norms.get(i) == null ? new float[][] {m, new float[m.length]} : norms.get(i).fold(m);
      h = Activation.relu(convs.get(i).applyFolded(h, f[0], f[1], arrays));
    }
    return x.sub(convs.get(layers.size()).apply(h));
  }

  @Override
  List<List<SlicedConv>> cut(Mask mask, float[][] deltas, NDManager arrays) {
    if (deltas != null) {
      throw new IllegalStateException("no bias compensation for DnCNN");
    }
    List<List<SlicedConv>> out = new ArrayList<>();
    List<int[]> ins = List.of(IntStream.range(0, in).toArray());
    List<int[]> kept = keptUnits(mask);
    for (int i = 0; i < layers.size(); i++) {
      int[] keep = kept.get(i);
      if (keep.length == 0) {
        out.add(List.of());
        ins = SlimDenoiser.ZERO_INPUT;
        continue;
      }
      float[] ones = new float[width];
      Arrays.fill(ones, 1f);
      float[][] f = norms.get(i) == null ? new float[][] {ones, new float[width]} : norms.get(i).fold(ones);
      out.add(List.of(convs.get(i).cut(ins, keep, f[0], f[1], arrays)));
      ins = List.of(keep);
    }
    float[] ones = new float[in];
    Arrays.fill(ones, 1f);
    out.add(List.of(convs.get(layers.size()).cut(ins, IntStream.range(0, in).toArray(), ones, new float[in], arrays)));
    return out;
  }

  @Override
  List<Conv> weightConvs() {
    return List.copyOf(convs);
  }

  @Override
  public Cost cost(Mask mask) {
    long params = 0;
    double macs = 0;
    int inCh = in;
    for (int i = 0; i < layers.size(); i++) {
      int k = 0;
      for (int j = 0; j < width; j++) {
        k += mask.keeps(i * width + j) ? 1 : 0;
      }
      params += 9L * inCh * k + (i == 0 ? k : 2L * k);
      macs += 9.0 * inCh * k;
      inCh = k;
    }
    params += 9L * inCh * in;
    macs += 9.0 * inCh * in;
    return new Cost(params, 2 * macs);
  }
}
