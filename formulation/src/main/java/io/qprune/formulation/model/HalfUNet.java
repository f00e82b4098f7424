package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Half-UNet denoiser: per level two Ghost blocks of width C (max-pool between levels), full-scale
 * fusion by bilinear up-sampling and addition, two decoder Ghost blocks, a 1×1 head predicting the
 * noise, and the residual output {@code x − noise}.
 */
final class HalfUNet extends MaskedNetwork {
  private static final Shape TWO = new Shape(2, 2);
  private final int in;
  private final int levels;
  private final int units;
  private final List<GhostModule> modules = new ArrayList<>();
  private final List<Layer> layers = new ArrayList<>();
  private final Conv head;

  HalfUNet(ModelSpec spec, long seed) {
    super(seed);
    this.in = spec.color().channels();
    this.levels = spec.depth();
    this.units = spec.channels() / 2;
    for (int l = 1; l <= levels; l++) {
      add("enc" + l + "a", l == 1 ? in : spec.channels());
      add("enc" + l + "b", spec.channels());
    }
    add("dec1", spec.channels());
    add("dec2", spec.channels());
    head = new Conv(this, "head", spec.channels(), in, 1, 1, true);
  }

  private void add(String name, int inChannels) {
    modules.add(new GhostModule(this, name, inChannels, units));
    layers.add(new Layer(name, layers.size(), units, layers.size() * units, 2));
  }

  @Override
  public List<Layer> layers() {
    return List.copyOf(layers);
  }

  @Override
  public NDArray denoise(NDArray x, List<NDArray> masks, boolean training, List<NDArray> taps) {
    long[] size = {x.getShape().get(2), x.getShape().get(3)};
    NDArray f = x;
    NDArray fused = null;
    int k = 0;
    for (int l = 0; l < levels; l++) {
      if (l > 0) {
        f = Pool.maxPool2d(f, TWO, TWO, new Shape(0, 0), false);
      }
      f = modules.get(k).apply(f, mask(masks, k), training, taps);
      k++;
      f = modules.get(k).apply(f, mask(masks, k), training, taps);
      k++;
      NDArray up = l == 0 ? f : f.getNDArrayInternal().interpolation(size, 1, false);
      fused = fused == null ? up : fused.add(up);
    }
    NDArray d = modules.get(k).apply(fused, mask(masks, k), training, taps);
    d = modules.get(k + 1).apply(d, mask(masks, k + 1), training, taps);
    return x.sub(head.apply(d));
  }

  @Override
  public NDArray denoiseFolded(NDArray x, Mask mask, NDManager arrays) {
    long[] size = {x.getShape().get(2), x.getShape().get(3)};
    NDArray f = x;
    NDArray fused = null;
    int k = 0;
    for (int l = 0; l < levels; l++) {
      if (l > 0) {
        f = Pool.maxPool2d(f, TWO, TWO, new Shape(0, 0), false);
      }
      f = modules.get(k).applyFolded(f, layerMask(mask, layers.get(k)), arrays);
      k++;
      f = modules.get(k).applyFolded(f, layerMask(mask, layers.get(k)), arrays);
      k++;
      NDArray up = l == 0 ? f : f.getNDArrayInternal().interpolation(size, 1, false);
      fused = fused == null ? up : fused.add(up);
    }
    NDArray d = modules.get(k).applyFolded(fused, layerMask(mask, layers.get(k)), arrays);
    d = modules.get(k + 1).applyFolded(d, layerMask(mask, layers.get(k + 1)), arrays);
    return x.sub(head.apply(d));
  }

  @Override
  List<Conv> weightConvs() {
    List<Conv> out = new ArrayList<>();
    modules.forEach(m -> out.addAll(m.convs()));
    out.add(head);
    return out;
  }

  private static NDArray mask(List<NDArray> masks, int layer) {
    return masks == null ? null : masks.get(layer);
  }

  @Override
  public Cost cost(Mask mask) {
    int[] kept = new int[layers.size()];
    for (int i = 0; i < mask.size(); i++) {
      kept[i / units] += mask.keeps(i) ? 1 : 0;
    }
    long params = 0;
    double macs = 0;
    for (int k = 0; k < 2 * levels; k++) {
      int inCh = k == 0 ? in : 2 * kept[k - 1];
      double scale = Math.pow(0.25, k / 2);
      params += ghostParams(inCh, kept[k]);
      macs += ghostMacs(inCh, kept[k]) * scale;
    }
    // the fused map keeps channel j (and its twin) when any level's last block keeps unit j
    int fusedUnits = 0;
    for (int j = 0; j < units; j++) {
      for (int l = 0; l < levels; l++) {
        if (mask.keeps((2 * l + 1) * units + j)) {
          fusedUnits++;
          break;
        }
      }
    }
    int dec1 = 2 * levels;
    params += ghostParams(2 * fusedUnits, kept[dec1]) + ghostParams(2 * kept[dec1], kept[dec1 + 1]);
    macs += ghostMacs(2 * fusedUnits, kept[dec1]) + ghostMacs(2 * kept[dec1], kept[dec1 + 1]);
    params += 2L * kept[dec1 + 1] * in + in;
    macs += 2.0 * kept[dec1 + 1] * in;
    return new Cost(params, 2 * macs);
  }

  private static long ghostParams(int inCh, int k) {
    return 9L * inCh * k + 9L * k + 4L * k;
  }

  private static double ghostMacs(int inCh, int k) {
    return 9.0 * inCh * k + 9.0 * k;
  }
}
