package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A denoiser with its pruned units removed for real: every conv holds only the kept channels over
 * the kept inputs, batch norm folded in ({@link SlicedConv}). Made from a trained network and a mask
 * ({@link #of}) — the sliced evaluator {@link Denoiser#denoiseFolded} runs exactly this — and saved
 * and loaded as its own, smaller file ({@link SlimModelFile}). It knows its original {@link
 * #spec()} and which units of each layer it kept; for the Half-UNet the fused map holds the union
 * of the units the levels' last blocks keep ({@link #fusedUnits()}). Owns native memory when made
 * by {@link #of} or loaded: close it when done.
 */
public final class SlimDenoiser implements AutoCloseable {
  static final List<int[]> ZERO_INPUT = List.of(new int[] {0});
  private final ModelSpec spec;
  private final List<int[]> kept;
  private final List<List<SlicedConv>> convs;
  private final NDManager manager;
  private final Map<String, String> info;
  /** Half-UNet with a fused map and a dec1: how the forward pass builds the fused map; else null. */
  private final FusedPlan plan;

  /**
   * {@code kept.get(k)}: the kept unit indices of layer k (ascending); {@code convs.get(k)}: its
   * cut convs (none for a fully pruned layer), and one more entry holding the output conv.
   */
  SlimDenoiser(ModelSpec spec, List<int[]> kept, List<List<SlicedConv>> convs, NDManager manager,
      Map<String, String> info) {
    this.spec = spec;
    this.kept = List.copyOf(kept);
    this.convs = List.copyOf(convs);
    this.manager = manager;
    this.info = new LinkedHashMap<>(info);
    this.plan = spec.architecture() == Architecture.HALF_UNET ? FusedPlan.of(this) : null;
  }

  /**
   * How the forward pass builds the Half-UNet's fused map, a run-time layout only (the file keeps
   * the union order). Both halves (primary and cheap maps) go into one array of 2·U channels, level
   * 0's units first in each half: the lower levels are spread into that layout at their own size
   * (cheap), fused in one pass, and level 0's maps are added to the first channels of each half, so
   * the full-size level-0 maps are never copied into the union's order. dec1's primary conv is one
   * conv over the 2·U channels, its weights permuted to the same order.
   *
   * @param order the fused map's units in run-time order
   * @param first how many of them (the first) level 0 keeps
   * @param dec1 dec1's primary conv over the 2·U channels in that order
   * @param gathers for each level l ≥ 1, the channels of its [p; q; 0] that make its part of the
   *     layout (entry 0 unused)
   */
  private record FusedPlan(int[] order, int first, SlicedConv dec1, long[][] gathers) {
    static FusedPlan of(SlimDenoiser net) {
      int[] union = net.fusedUnits();
      int dec1 = 2 * net.spec.depth();
      if (union.length == 0 || net.convs.get(dec1).isEmpty()) {
        return null;
      }
      int[] level0 = net.kept.get(1);
      int[] order = IntStream.concat(Arrays.stream(level0),
          Arrays.stream(union).filter(u -> Arrays.binarySearch(level0, u) < 0)).toArray();
      long[] perm = Arrays.stream(order).mapToLong(u -> Arrays.binarySearch(union, u)).toArray();
      SlicedConv c = net.convs.get(dec1).get(0);
      NDManager owner = net.manager != null ? net.manager : c.bias().getManager(); // a per-call cut: its arrays'
      try (NDManager scratch = owner.newSubManager()) {
        NDArray idx = scratch.create(perm);
        NDList halves = new NDList();
        for (NDArray w : c.weights()) {
          halves.add(w.get(new NDIndex(":, {}", idx)));
        }
        NDArray w = NDArrays.concat(halves, 1);
        w.attach(owner);
        halves.forEach(NDArray::close);
        long[][] gathers = new long[net.spec.depth()][];
        for (int l = 1; l < gathers.length; l++) {
          gathers[l] = gather(order, net.kept.get(2 * l + 1));
        }
        return new FusedPlan(order, level0.length, new SlicedConv(c.name(), List.of(w), c.bias(), c.stride(),
            c.depthwise()), gathers);
      }
    }

    private static long[] gather(int[] order, int[] have) {
      int u = order.length;
      long[] idx = new long[2 * u];
      for (int i = 0; i < 2 * u; i++) {
        int pos = Arrays.binarySearch(have, order[i % u]);
        idx[i] = pos >= 0 ? (long) (i / u) * have.length + pos : 2L * have.length;
      }
      return idx;
    }
  }

  /**
   * {@code model} under {@code mask} with the pruned units cut away, in a manager of its own; with
   * the model's bias compensation folded into the biases when it has one on.
   */
  public static SlimDenoiser of(Denoiser model, Mask mask) {
    if (mask.kept() == 0 || mask.size() != model.units().size()) {
      model.maskArrays(mask, model.manager()).forEach(NDArray::close); // throws the usual message
    }
    NDManager own = Torch.engine().newBaseManager();
    try {
      Map<String, String> info = new LinkedHashMap<>(model.info());
      info.put("exported_units_kept", mask.kept() + " of " + mask.size());
      if (model.compensation() != null) {
        info.put("bias_compensation", "true");
      }
      return new SlimDenoiser(model.spec(), model.network().keptUnits(mask),
          model.network().cut(mask, model.deltas(mask), own), own, info);
    } catch (RuntimeException e) {
      own.close();
      throw e;
    }
  }

  /** The network it was cut from (architecture, original width, depth, colour). */
  public ModelSpec spec() {
    return spec;
  }

  /** Facts stored with the weights. */
  public Map<String, String> info() {
    return java.util.Collections.unmodifiableMap(info);
  }

  /** The kept unit indices of every layer, ascending (a copy). */
  public List<int[]> keptUnits() {
    List<int[]> out = new ArrayList<>();
    kept.forEach(k -> out.add(k.clone()));
    return out;
  }

  /** Units kept per layer. */
  public int[] widths() {
    return kept.stream().mapToInt(k -> k.length).toArray();
  }

  /** Half-UNet: the units of the fused map (the union of what the levels' last blocks keep). */
  public int[] fusedUnits() {
    List<int[]> last = new ArrayList<>();
    for (int l = 0; l < spec.depth(); l++) {
      last.add(kept.get(2 * l + 1));
    }
    return Arrays.stream(last.toArray(int[][]::new)).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
  }

  /** Half-UNet: for level l, the position in the fused map of each unit its last block keeps. */
  public List<int[]> fusedPositions() {
    int[] union = fusedUnits();
    List<int[]> out = new ArrayList<>();
    for (int l = 0; l < spec.depth(); l++) {
      out.add(Arrays.stream(kept.get(2 * l + 1)).map(u -> Arrays.binarySearch(union, u)).toArray());
    }
    return out;
  }

  /** The cut convs per layer, the output conv last. */
  List<List<SlicedConv>> convs() {
    return convs;
  }

  /** Weights and biases it holds. */
  public long params() {
    long n = 0;
    for (List<SlicedConv> layer : convs) {
      for (SlicedConv c : layer) {
        n += c.bias().size();
        for (NDArray w : c.weights()) {
          n += w.size();
        }
      }
    }
    return n;
  }

  /**
   * Floating-point operations per input pixel of its convs (2 per multiply-add; a conv at level l
   * of the Half-UNet runs on 4^-l of the pixels); the fusion, pooling and activations are not counted.
   */
  public double flopsPerPixel() {
    double macs = 0;
    for (int k = 0; k < convs.size(); k++) {
      double scale = spec.architecture() == Architecture.HALF_UNET && k < 2 * spec.depth()
          ? Math.pow(0.25, k / 2) : 1;
      for (SlicedConv c : convs.get(k)) {
        for (NDArray w : c.weights()) {
          macs += w.size() * scale;
        }
      }
    }
    return 2 * macs;
  }

  /** The manager owning its weights; make per-image sub-managers from it. */
  public NDManager manager() {
    return manager;
  }

  /** Denoises {@code x} (N × C × H × W, 0–1 scale); intermediate arrays are made in {@code arrays}. */
  public NDArray denoise(NDArray x, NDManager arrays) {
    return spec.architecture() == Architecture.HALF_UNET ? halfUNet(x, arrays) : dncnn(x, arrays);
  }

  private NDArray dncnn(NDArray x, NDManager arrays) {
    Shape zeros = new Shape(x.getShape().get(0), 1, x.getShape().get(2), x.getShape().get(3));
    NDArray h = x;
    for (int i = 0; i < kept.size(); i++) {
      List<SlicedConv> layer = convs.get(i);
      h = layer.isEmpty() ? null : Activation.relu(layer.get(0).apply(input(h, zeros, arrays)));
    }
    return x.sub(convs.get(kept.size()).get(0).apply(input(h, zeros, arrays)));
  }

  private static List<NDArray> input(NDArray h, Shape zeros, NDManager arrays) {
    return List.of(h == null ? arrays.zeros(zeros) : h);
  }

  /** A Ghost block: primary conv + ReLU, depthwise cheap conv + ReLU; null when fully pruned. */
  private NDArray[] block(int k, NDArray[] f, Shape zeros, NDManager arrays) {
    List<SlicedConv> c = convs.get(k);
    if (c.isEmpty()) {
      return null;
    }
    NDArray p = Activation.relu(c.get(0).apply(f == null ? List.of(arrays.zeros(zeros)) : List.of(f)));
    NDArray q = Activation.relu(c.get(1).apply(List.of(p)));
    return new NDArray[] {p, q};
  }

  private NDArray halfUNet(NDArray x, NDManager arrays) {
    long batch = x.getShape().get(0);
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    int levels = spec.depth();
    NDArray[] f = {x};
    List<NDArray[]> outputs = new ArrayList<>(levels);
    int k = 0;
    for (int l = 0; l < levels; l++) {
      Shape zeros = new Shape(batch, 1, h >> l, w >> l);
      if (l > 0 && f != null) {
        f = f.length == 1 ? new NDArray[] {HalfUNet.pool(f[0])} : new NDArray[] {HalfUNet.pool(f[0]), HalfUNet.pool(f[1])};
      }
      for (int b = 0; b < 2; b++, k++) {
        f = block(k, f, zeros, arrays);
      }
      outputs.add(f);
    }
    Shape zeros = new Shape(batch, 1, h, w);
    NDArray[] d1 = plan != null ? planned(k, outputs, h, w, arrays) : block(k, unionOrder(outputs, h, w, arrays), zeros, arrays);
    NDArray[] d = block(k + 1, d1, zeros, arrays);
    SlicedConv head = convs.get(k + 2).get(0);
    return x.sub(head.apply(d == null ? List.of(arrays.zeros(zeros)) : List.of(d)));
  }

  /** dec1 (layer k) on the fused map in {@link FusedPlan}'s layout. */
  private NDArray[] planned(int k, List<NDArray[]> outputs, long h, long w, NDManager arrays) {
    NDArray p = Activation.relu(plan.dec1().apply(List.of(fusedMap(outputs, h, w, arrays))));
    NDArray q = Activation.relu(convs.get(k).get(1).apply(List.of(p)));
    return new NDArray[] {p, q};
  }

  /** The fused map's two halves in the union's order (each level spread onto it); null when the union is empty. */
  private NDArray[] unionOrder(List<NDArray[]> outputs, long h, long w, NDManager arrays) {
    int levels = spec.depth();
    int[] union = fusedUnits();
    NDArray[] fused = null;
    if (union.length > 0) {
      fused = new NDArray[2];
      for (int half = 0; half < 2; half++) {
        List<NDArray> spread = new ArrayList<>(levels);
        for (int l = 0; l < levels; l++) {
          NDArray[] o = outputs.get(l);
          spread.add(o == null ? null : HalfUNet.spread(o[half], kept.get(2 * l + 1), union, arrays));
        }
        fused[half] = FullScaleFusion.fuse(spread.get(0), spread.subList(1, levels), h, w, arrays);
      }
    }
    return fused;
  }

  /** The fused map in {@link FusedPlan}'s layout: 2·U channels, h × w. */
  private NDArray fusedMap(List<NDArray[]> outputs, long h, long w, NDManager arrays) {
    int u = plan.order().length;
    List<NDArray> lower = new ArrayList<>();
    for (int l = 1; l < outputs.size(); l++) {
      NDArray[] o = outputs.get(l);
      if (o != null) {
        Shape s = o[0].getShape();
        NDArray all = NDArrays.concat(new NDList(o[0], o[1], arrays.zeros(new Shape(s.get(0), 1, s.get(2), s.get(3)))), 1);
        lower.add(all.get(new NDIndex(":, {}", arrays.create(plan.gathers()[l]))));
      }
    }
    NDArray fused = FullScaleFusion.fuse(null, lower, h, w, arrays);
    NDArray[] top = outputs.get(0);
    int k0 = plan.first();
    if (fused == null) { // only level 0 feeds the fused map: it is the whole union, in order
      return NDArrays.concat(new NDList(top[0], top[1]), 1);
    }
    if (k0 > 0) {
      for (int half = 0; half < 2; half++) {
        NDIndex part = new NDIndex(":, " + half * u + ":" + (half * u + k0));
        fused.set(part, fused.get(part).add(top[half]));
      }
    }
    return fused;
  }

  @Override
  public void close() {
    if (manager != null) {
      manager.close();
    }
  }
}
