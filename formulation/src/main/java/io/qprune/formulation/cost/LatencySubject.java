package io.qprune.formulation.cost;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Layer;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelSpec;
import io.qprune.formulation.model.ResNetSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a whole-network latency fit ({@link LatencyFit}) needs of a network: the shape of its cost
 * (features of a mask, and the cost a weight vector over them makes), the seeded random masks to
 * fit, its channel layers (to perturb a mask within them), and its cut networks timed end to end at
 * one input shape.
 */
interface LatencySubject {
  /** Units of the network's mask. */
  int units();

  /** The key the fit is cached under: machine, versions, the model's shape, threads, input, rounds. */
  Map<String, String> key(int threads, int repeats);

  /** What the weights multiply for {@code keep} (the first feature is the constant 1). */
  double[] features(boolean[] keep);

  /** The cost whose weights are {@code weights} (ms). */
  MaskCost cost(double[] weights);

  /** The unpruned network first, then {@code samples − 1} seeded random masks. */
  List<Mask> sample(int samples, long seed);

  /** The unit ranges [from, to) of its layers, in unit order; a layer is never emptied by a perturbation. */
  int[][] layers();

  /** Every timed round's ms of each mask's cut network, all in one interleaved loop, on {@code threads}. */
  List<double[]> time(List<Mask> masks, int threads, int repeats);

  /** The median ms of each mask and of the unpruned network (over all its rounds) from one loop. */
  record Timed(double unprunedMs, double[] ms) {}

  /**
   * {@code masks} timed in one interleaved loop with the unpruned network three times in it (first,
   * middle, last): every latency cap is a fraction of the unpruned network's time, so it is the one
   * figure measured thrice as long, at three points of the loop.
   */
  default Timed timeBesideUnpruned(List<Mask> masks, int threads, int repeats) {
    Mask full = Mask.all(units());
    int half = masks.size() / 2;
    List<Mask> all = new java.util.ArrayList<>();
    all.add(full);
    all.addAll(masks.subList(0, half));
    all.add(full);
    all.addAll(masks.subList(half, masks.size()));
    all.add(full);
    List<double[]> t = time(all, threads, repeats);
    double[] unpruned = java.util.stream.Stream.of(t.get(0), t.get(1 + half), t.get(all.size() - 1))
        .flatMapToDouble(java.util.Arrays::stream).toArray();
    double[] ms = new double[masks.size()];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = ForwardTimer.quartiles(t.get(i < half ? 1 + i : 2 + i))[1];
    }
    return new Timed(ForwardTimer.quartiles(unpruned)[1], ms);
  }

  /**
   * A denoiser at {@code size}² input, its exported networks timed: a Half-UNet's fit is {@link
   * HalfUNetCost}'s shape, a DnCNN's {@link NetworkCosts#dnCnn(ModelSpec, String, double[])}'s.
   */
  static LatencySubject of(Denoiser model, int size) {
    LatencyCosts.checkSize(model, size);
    boolean halfUNet = model.spec().architecture() == Architecture.HALF_UNET;
    int layerUnits = halfUNet ? model.spec().channels() / 2 : model.spec().channels();
    return new LatencySubject() {
      @Override
      public int units() {
        return model.units().size();
      }

      @Override
      public Map<String, String> key(int threads, int repeats) {
        return LatencyCosts.key(model, threads, size, repeats);
      }

      @Override
      public double[] features(boolean[] keep) {
        return halfUNet ? HalfUNetCost.features(model.spec(), keep) : NetworkCosts.dnCnnFeatures(model.spec(), keep);
      }

      @Override
      public MaskCost cost(double[] weights) {
        return halfUNet ? new HalfUNetCost(model.spec(), "latency", HalfUNetCost.Weights.of(weights))
            : NetworkCosts.dnCnn(model.spec(), "latency", weights);
      }

      @Override
      public List<Mask> sample(int samples, long seed) {
        return halfUNet ? FitMasks.sample(model, samples, seed) : FitMasks.sample(layers(), samples, seed);
      }

      @Override
      public int[][] layers() {
        int u = layerUnits;
        int[][] r = new int[model.units().size() / u][];
        for (int k = 0; k < r.length; k++) {
          r[k] = new int[] {k * u, (k + 1) * u};
        }
        return r;
      }

      @Override
      public List<double[]> time(List<Mask> masks, int threads, int repeats) {
        return ForwardTimer.timeExported(model, masks, threads, size, repeats);
      }
    };
  }

  /**
   * A ResNet classifier on batches of {@code batch} images (its own side): its fit is {@link
   * ResNetCost}'s shape, its cut networks ({@link ForwardTimer#timeCut}).
   */
  static LatencySubject of(Classifier model, int batch) {
    if (batch < 1) {
      throw new InvalidInputException("The latency batch must be >= 1, got " + batch);
    }
    ResNetSpec spec = model.spec();
    return new LatencySubject() {
      @Override
      public int units() {
        return model.channelUnits();
      }

      @Override
      public Map<String, String> key(int threads, int repeats) {
        Map<String, String> k = LatencyCosts.machineKey();
        k.put("model", digest(model));
        k.put("threads", Integer.toString(threads));
        k.put("batch", Integer.toString(batch));
        k.put("side", Integer.toString(spec.size()));
        k.put("repeats", Integer.toString(repeats));
        return k;
      }

      @Override
      public double[] features(boolean[] keep) {
        return ResNetCost.features(spec, keep);
      }

      @Override
      public MaskCost cost(double[] weights) {
        return ResNetCost.of(spec, "latency", ResNetCost.Weights.of(spec, weights));
      }

      @Override
      public List<Mask> sample(int samples, long seed) {
        return FitMasks.sample(layers(), samples, seed);
      }

      @Override
      public int[][] layers() {
        return ResNetCost.layerRanges(spec);
      }

      @Override
      public List<double[]> time(List<Mask> masks, int threads, int repeats) {
        return ForwardTimer.timeCut(model, masks, threads, batch, repeats);
      }
    };
  }

  /** SHA-256 (first 16 hex digits) of the classifier's shape and channel layers. */
  static String digest(Classifier model) {
    StringBuilder b = new StringBuilder("resnet;").append(model.spec());
    for (Layer l : model.channelLayers()) {
      b.append(';').append(l.name()).append(':').append(l.units());
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
