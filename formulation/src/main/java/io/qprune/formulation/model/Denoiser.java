package io.qprune.formulation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.qprune.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained or fresh denoising network with its mask: the object pruning, training and evaluation
 * share. Owns native memory: close it when done.
 */
public final class Denoiser implements PrunableModel, AutoCloseable {
  private final ModelSpec spec;
  private final NDManager manager;
  private final MaskedNetwork net;
  private final List<Unit> units;
  private final Map<String, String> info;
  private Mask mask;
  private List<NDArray> maskArrays;
  private UnitMeans compensation;
  private float[][] deltas;

  private Denoiser(ModelSpec spec, NDManager manager, MaskedNetwork net, Map<String, String> info) {
    this.spec = spec;
    this.manager = manager;
    this.net = net;
    this.info = new LinkedHashMap<>(info);
    this.units = unitsOf(net);
    this.mask = Mask.all(units.size());
    this.maskArrays = null;
  }

  /** A new network with seeded He-initialised weights. */
  public static Denoiser create(ModelSpec spec, long seed) {
    NDManager manager = Torch.engine().newBaseManager();
    MaskedNetwork net = build(spec, seed);
    int c = spec.color().channels();
    net.initialize(manager, DataType.FLOAT32, new Shape(1, c, 64, 64));
    return new Denoiser(spec, manager, net, Map.of());
  }

  /** Wraps parameters already loaded into {@code net} (used by {@link ModelFile}). */
  static Denoiser wrap(ModelSpec spec, NDManager manager, MaskedNetwork net, Map<String, String> info) {
    for (Parameter p : net.getParameters().values()) {
      if (p.requiresGradient()) {
        p.getArray().setRequiresGradient(true);
      }
    }
    return new Denoiser(spec, manager, net, info);
  }

  static MaskedNetwork build(ModelSpec spec, long seed) {
    return spec.architecture() == Architecture.HALF_UNET
        ? new HalfUNet(spec, seed)
        : new DnCnn(spec, seed);
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  /** Free-form facts stored with the weights (how it was trained, its validation PSNR, ...). */
  public Map<String, String> info() {
    return Collections.unmodifiableMap(info);
  }

  /** Records a fact to be saved with the weights. */
  public void putInfo(String key, String value) {
    info.put(key, value);
  }

  @Override
  public List<Layer> layers() {
    return net.layers();
  }

  @Override
  public List<Unit> units() {
    return units;
  }

  @Override
  public Mask mask() {
    return mask;
  }

  @Override
  public void setMask(Mask newMask) {
    List<NDArray> arrays = maskArrays(newMask, manager);
    if (maskArrays != null) {
      maskArrays.forEach(NDArray::close);
    }
    if (newMask.kept() == newMask.size()) {
      arrays.forEach(NDArray::close);
      arrays = null;
    }
    this.mask = newMask;
    this.maskArrays = arrays;
    this.deltas = null;
  }

  /**
   * Turns bias compensation on with the calibration means {@code means} (null turns it off): at
   * inference ({@link #denoise(NDArray, boolean)} with training false, {@link #denoiseFolded}, and
   * {@link SlimDenoiser#of}) every pruned unit's mean is folded into its consumers' biases (see
   * {@link MaskedNetwork#compensation}). Training passes and the explicit-mask {@link
   * #denoise(NDArray, List, boolean, List)} are never compensated. Half-UNet only.
   */
  public void setCompensation(UnitMeans means) {
    if (means != null) {
      if (means.layers() != net.layers().size()) {
        throw new InvalidInputException("The unit means cover " + means.layers() + " layers; the network has "
            + net.layers().size());
      }
      net.compensation(mask, means); // fails now for a network without compensation
    }
    this.compensation = means;
    this.deltas = null;
  }

  /** The means bias compensation uses, or null when it is off. */
  public UnitMeans compensation() {
    return compensation;
  }

  /** The compensation of {@code m} (null when off), cached for the current mask. */
  float[][] deltas(Mask m) {
    if (compensation == null) {
      return null;
    }
    if (!m.equals(mask)) {
      return net.compensation(m, compensation);
    }
    if (deltas == null) {
      deltas = net.compensation(mask, compensation);
    }
    return deltas;
  }

  @Override
  public Cost cost(Mask m) {
    checkSize(m);
    return net.cost(m);
  }

  /** Parameters and FLOPs of the unpruned network. */
  public Cost fullCost() {
    return net.cost(Mask.all(units.size()));
  }

  /** Denoises {@code x} (N × C × H × W, 0–1 scale) under the current mask. */
  public NDArray denoise(NDArray x, boolean training) {
    if (!training && compensation != null && maskArrays != null) {
      return net.denoiseCompensated(x, maskArrays, deltas(mask), x.getManager());
    }
    return net.denoise(x, maskArrays, training, null);
  }

  /** Denoises with explicit per-layer mask arrays (see {@link MaskedNetwork#denoise}). */
  public NDArray denoise(NDArray x, List<NDArray> masks, boolean training, List<NDArray> taps) {
    return net.denoise(x, masks, training, taps);
  }

  /**
   * Denoises {@code x} at inference under {@code m} with batch norm and mask folded into the conv
   * weights (see {@link MaskedNetwork#denoiseFolded}); equals {@code denoise(x, maskArrays(m, ..),
   * false, null)} up to float rounding. The folded weights are made in {@code arrays}, the
   * activations land in {@code x}'s manager. The model's own mask is not used.
   */
  public NDArray denoiseFolded(NDArray x, Mask m, NDManager arrays) {
    checkKeepsSome(m);
    if (compensation != null) {
      return new SlimDenoiser(spec, net.keptUnits(m), net.cut(m, deltas(m), arrays), null, Map.of()).denoise(x, arrays);
    }
    return net.denoiseFolded(x, m, arrays);
  }

  /**
   * One array per layer, shape 1 × units × 1 × 1, holding {@code m}'s 0/1 values, created in
   * {@code arrays}; a mask of the wrong length or keeping no unit is an error.
   */
  public List<NDArray> maskArrays(Mask m, NDManager arrays) {
    checkKeepsSome(m);
    List<NDArray> out = new ArrayList<>();
    for (Layer layer : net.layers()) {
      float[] v = new float[layer.units()];
      for (int j = 0; j < v.length; j++) {
        v[j] = m.keeps(layer.firstUnit() + j) ? 1f : 0f;
      }
      out.add(arrays.create(v, new Shape(1, v.length, 1, 1)));
    }
    return out;
  }

  private void checkKeepsSome(Mask m) {
    checkSize(m);
    if (m.kept() == 0) {
      throw new InvalidInputException(
          "The mask prunes all " + m.size() + " units, so the network would output only its "
              + "biases. Keep at least one unit.");
    }
  }

  private void checkSize(Mask m) {
    if (m.size() != units.size()) {
      throw new InvalidInputException(
          "The mask has " + m.size() + " values but the " + spec.architecture() + " (C = "
              + spec.channels() + ") has " + units.size() + " units.");
    }
  }

  /** The DJL block holding the parameters (for training and saving). */
  public MaskedNetwork network() {
    return net;
  }

  /** The manager owning the weights; make per-step sub-managers from it. */
  public NDManager manager() {
    return manager;
  }

  private static List<Unit> unitsOf(MaskedNetwork net) {
    List<Layer> layers = net.layers();
    int n = layers.stream().mapToInt(Layer::units).sum();
    Mask all = Mask.all(n);
    Cost full = net.cost(all);
    List<Unit> out = new ArrayList<>(n);
    for (Layer layer : layers) {
      for (int j = 0; j < layer.units(); j++) {
        int id = layer.firstUnit() + j;
        Cost without = net.cost(all.with(id, false));
        out.add(new Unit(id, layer.name(), layer.index(), j, full.params() - without.params(),
            full.flopsPerPixel() - without.flopsPerPixel()));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public void close() {
    manager.close();
  }
}
