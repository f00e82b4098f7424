package io.qprune.formulation.cost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.SlimDenoiser;
import io.qprune.formulation.model.SlimResNet;
import io.qprune.formulation.model.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Times network forwards on one seeded noisy input: every network runs once per round (2 warm-up
 * rounds, then the timed ones), so all of them see the same machine state; each run's
 * intermediates live in a sub-manager closed after it.
 */
public final class ForwardTimer {
  /** A network to time: its forward on an input, intermediates made in a sub-manager of {@code manager}. */
  public record Net(String name, NDManager manager, BiFunction<NDArray, NDManager, NDArray> forward) {}

  static final int WARM_UP = 2;

  private ForwardTimer() {}

  /** Milliseconds of each timed run, per network name (in the order given). */
  public static Map<String, double[]> time(List<Net> nets, Shape shape, int repeats) {
    Map<String, double[]> out = new LinkedHashMap<>();
    nets.forEach(n -> out.put(n.name(), new double[repeats]));
    float[] input = noisyInput(shape, shape.get(shape.dimension() - 1));
    for (int r = -WARM_UP; r < repeats; r++) {
      for (Net n : nets) {
        try (NDManager run = n.manager().newSubManager()) {
          NDArray x = run.create(input, shape);
          long t0 = System.nanoTime();
          n.forward().apply(x, run);
          if (r >= 0) {
            out.get(n.name())[r] = (System.nanoTime() - t0) / 1e6;
          }
        }
      }
    }
    return out;
  }

  /**
   * Every timed round's ms of each mask's exported network ({@link SlimDenoiser}, as {@code qprune
   * export} writes it), in the order given, all in one interleaved loop on {@code threads} PyTorch
   * threads at {@code size}² input; the exported networks are closed afterwards.
   */
  public static List<double[]> timeExported(Denoiser model, List<Mask> masks, int threads, int size, int repeats) {
    int before = Torch.setThreads(threads);
    List<SlimDenoiser> slims = new ArrayList<>();
    try {
      List<Net> nets = new ArrayList<>();
      for (int i = 0; i < masks.size(); i++) {
        SlimDenoiser slim = SlimDenoiser.of(model, masks.get(i));
        slims.add(slim);
        nets.add(new Net(Integer.toString(i), slim.manager(), slim::denoise));
      }
      return new ArrayList<>(time(nets, new Shape(1, model.spec().color().channels(), size, size), repeats).values());
    } finally {
      slims.forEach(SlimDenoiser::close);
      Torch.setThreads(before);
    }
  }

  /**
   * Every timed round's ms of each channel mask's cut classifier ({@link SlimResNet}: pruned
   * channels removed), in the order given, all in one interleaved loop on {@code threads} PyTorch
   * threads, on batches of {@code batch} images of the classifier's side; closed afterwards.
   */
  public static List<double[]> timeCut(Classifier model, List<Mask> masks, int threads, int batch, int repeats) {
    int before = Torch.setThreads(threads);
    List<SlimResNet> slims = new ArrayList<>();
    try {
      List<Net> nets = new ArrayList<>();
      for (int i = 0; i < masks.size(); i++) {
        SlimResNet slim = model.cut(masks.get(i));
        slims.add(slim);
        nets.add(new Net(Integer.toString(i), slim.manager(), slim::logits));
      }
      int side = model.spec().size();
      return new ArrayList<>(time(nets, new Shape(batch, model.spec().channels(), side, side), repeats).values());
    } finally {
      slims.forEach(SlimResNet::close);
      Torch.setThreads(before);
    }
  }

  /**
   * The timed input: a mid-grey image with seeded Gaussian noise (σ = 0.1, clipped to [0, 1]), like
   * the noisy photos the denoiser sees; a constant image would send near-zero values through the
   * network that real inputs do not.
   */
  public static float[] noisyInput(Shape shape, long seed) {
    Random random = new Random(seed);
    float[] x = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.min(1.0, Math.max(0.0, 0.5 + 0.1 * random.nextGaussian()));
    }
    return x;
  }

  /** {q1, median, q3} (linear interpolation between order statistics). */
  public static double[] quartiles(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return new double[] {quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75)};
  }

  /** The smallest value. */
  public static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}
