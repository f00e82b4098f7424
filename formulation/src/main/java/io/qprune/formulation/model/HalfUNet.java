package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Half-UNet denoiser: per level two Ghost blocks of width C (max-pool between levels), full-scale
 * fusion by bilinear up-sampling and addition, two decoder Ghost blocks, a 1×1 head predicting the
 * noise, and the residual output {@code x − noise}.
 */
final class HalfUNet extends MaskedNetwork {
  private static final Shape TWO = new Shape(2, 2);
  private final ModelSpec spec;
  private final int in;
  private final int levels;
  private final int units;
  private final List<GhostModule> modules = new ArrayList<>();
  private final List<Layer> layers = new ArrayList<>();
  private final Conv head;

  HalfUNet(ModelSpec spec, long seed) {
    super(seed);
    this.spec = spec;
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
    return forward(x, masks, null, training, taps);
  }

  @Override
  NDArray denoiseCompensated(NDArray x, List<NDArray> masks, float[][] deltas, NDManager arrays) {
    List<NDArray> d = new ArrayList<>(deltas.length);
    for (float[] v : deltas) {
      d.add(arrays.create(v, new Shape(1, v.length, 1, 1)));
    }
    return forward(x, masks, d, false, null);
  }

  /** The masked forward pass; {@code deltas} (or null): one per block's primary conv, the head's last. */
  private NDArray forward(NDArray x, List<NDArray> masks, List<NDArray> deltas, boolean training, List<NDArray> taps) {
    NDArray f = x;
    List<NDArray> outputs = new ArrayList<>(levels);
    int k = 0;
    for (int l = 0; l < levels; l++) {
      if (l > 0) {
        f = Pool.maxPool2d(f, TWO, TWO, new Shape(0, 0), false);
      }
      f = modules.get(k).apply(f, mask(masks, k), mask(deltas, k), training, taps);
      k++;
      f = modules.get(k).apply(f, mask(masks, k), mask(deltas, k), training, taps);
      k++;
      outputs.add(f);
    }
    NDArray fused = FullScaleFusion.fuse(outputs);
    NDArray d = modules.get(k).apply(fused, mask(masks, k), mask(deltas, k), training, taps);
    d = modules.get(k + 1).apply(d, mask(masks, k + 1), mask(deltas, k + 1), training, taps);
    NDArray noise = head.apply(d);
    return x.sub(deltas == null ? noise : noise.add(deltas.get(k + 2)));
  }

  /**
   * Bias compensation: a pruned unit's output is replaced by its calibration mean, a constant map,
   * and a constant through a conv is a bias, so each consumer conv's bias gains {@code Σ_t w[c, i,
   * t] · mean(i)} over the pruned input channels i and kernel taps t. For a 3×3 conv with zero
   * padding this is exact for the mean only away from the border (at the outermost pixel ring the
   * taps that fall on the padding would see zero, not the mean): the border is approximated as the
   * interior. A unit feeding the next level is seen through the 2×2 max pool, so its pooled mean is
   * used there; a level's last block feeds the fusion, whose bilinear up-sampling keeps a constant
   * map constant, so its pruned units' means (summed over the levels) enter the first decoder block
   * like any other input. Returns, per block, the values added to its primary conv's output before
   * its batch norm, and last the values added to the head's output.
   */
  @Override
  float[][] compensation(Mask mask, UnitMeans means) {
    int n = layers.size();
    float[][] out = new float[n + 1][];
    out[0] = new float[units];
    for (int k = 1; k <= n; k++) {
      double[] m = new double[2 * units];
      if (k == 2 * levels) {
        for (int l = 0; l < levels; l++) {
          addPruned(m, mask, means, 2 * l + 1, false);
        }
      } else {
        addPruned(m, mask, means, k - 1, k < 2 * levels && k % 2 == 0);
      }
      out[k] = fold(k < n ? modules.get(k).primary() : head, m);
    }
    return out;
  }

  /** Adds the means of layer {@code k}'s pruned units (both channels of each) into {@code m}. */
  private void addPruned(double[] m, Mask mask, UnitMeans means, int k, boolean pooled) {
    Layer layer = layers.get(k);
    for (int j = 0; j < units; j++) {
      if (!mask.keeps(layer.firstUnit() + j)) {
        for (int c : new int[] {j, units + j}) {
          m[c] += pooled ? means.pooled(k, c) : means.plain(k, c);
        }
      }
    }
  }

  /** {@code Σ_i Σ_t w[o, i, t] · m[i]} for every output o of {@code conv}. */
  private static float[] fold(Conv conv, double[] m) {
    Shape s = conv.weight().getArray().getShape();
    float[] w = conv.weight().getArray().toFloatArray();
    int outs = (int) s.get(0);
    int ins = (int) s.get(1);
    int kk = (int) (s.get(2) * s.get(3));
    float[] d = new float[outs];
    for (int o = 0; o < outs; o++) {
      double sum = 0;
      for (int i = 0; i < ins; i++) {
        if (m[i] != 0) {
          for (int t = 0; t < kk; t++) {
            sum += w[(o * ins + i) * kk + t] * m[i];
          }
        }
      }
      d[o] = (float) sum;
    }
    return d;
  }

  /**
   * Inference with the pruned units removed for real: the network cut down to the kept units
   * ({@link #cut}) and run as a {@link SlimDenoiser}, so every conv computes only the kept channels
   * from the kept channels, the cost follows the pruned network's size, and a block's primary and
   * cheap halves stay two arrays (never concatenated). The fused map holds the union of the units
   * the levels' last blocks keep; each level's output is spread onto that union (zeros where it
   * lacks a unit) before the fusion.
   */
  @Override
  public NDArray denoiseFolded(NDArray x, Mask mask, NDManager arrays) {
    return new SlimDenoiser(spec, keptUnits(mask), cut(mask, arrays), null, java.util.Map.of()).denoise(x, arrays);
  }

  @Override
  List<List<SlicedConv>> cut(Mask mask, float[][] deltas, NDManager arrays) {
    List<List<SlicedConv>> out = new ArrayList<>();
    List<int[]> channels = List.of(range(in));
    List<int[]> outputUnits = new ArrayList<>(levels);
    int k = 0;
    for (int l = 0; l < levels; l++) {
      int[] keep = null;
      for (int b = 0; b < 2; b++, k++) {
        keep = kept(mask, layers.get(k));
        out.add(modules.get(k).cut(channels, keep, delta(deltas, k), arrays));
        channels = inputs(keep);
      }
      outputUnits.add(keep);
    }
    channels = inputs(union(outputUnits));
    for (; k < layers.size(); k++) {
      int[] keep = kept(mask, layers.get(k));
      out.add(modules.get(k).cut(channels, keep, delta(deltas, k), arrays));
      channels = inputs(keep);
    }
    float[] ones = new float[in];
    Arrays.fill(ones, 1f);
    float[] headDelta = deltas == null ? new float[in] : deltas[k];
    out.add(List.of(head.cut(channels, range(in), ones, headDelta, arrays)));
    return out;
  }

  private static float[] delta(float[][] deltas, int k) {
    return deltas == null ? null : deltas[k];
  }

  /** The input channels of a block fed by a block keeping {@code units} (a zero map if none). */
  private List<int[]> inputs(int[] units) {
    return units.length == 0 ? SlimDenoiser.ZERO_INPUT : halves(units);
  }

  static NDArray pool(NDArray f) {
    return Pool.maxPool2d(f, TWO, TWO, new Shape(0, 0), false);
  }

  /** The kept unit indices of {@code layer}, ascending. */
  private static int[] kept(Mask mask, Layer layer) {
    return IntStream.range(0, layer.units())
        .filter(j -> mask.keeps(layer.firstUnit() + j)).toArray();
  }

  /** Input channel indices of a block output over {@code units}: its primary half, its cheap half. */
  private List<int[]> halves(int[] units) {
    int[] cheap = new int[units.length];
    for (int i = 0; i < units.length; i++) {
      cheap[i] = this.units + units[i];
    }
    return List.of(units, cheap);
  }

  private static int[] range(int n) {
    return IntStream.range(0, n).toArray();
  }

  private static int[] union(List<int[]> sets) {
    return sets.stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
  }

  /**
   * One half of a block output over the units {@code have} re-laid over the units {@code union}
   * (both ascending): units of {@code union} missing from {@code have} get zero channels, units of
   * {@code have} outside {@code union} are dropped.
   */
  static NDArray spread(NDArray f, int[] have, int[] union, NDManager arrays) {
    if (Arrays.equals(have, union)) {
      return f;
    }
    long[] idx = new long[union.length];
    for (int i = 0; i < union.length; i++) {
      int pos = Arrays.binarySearch(have, union[i]);
      idx[i] = pos >= 0 ? pos : have.length;
    }
    Shape s = f.getShape();
    NDArray padded = NDArrays.concat(new NDList(f, arrays.zeros(new Shape(s.get(0), 1, s.get(2), s.get(3)))), 1);
    return padded.get(new NDIndex(":, {}", arrays.create(idx)));
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
