package io.qprune.formulation.cost;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Times DJL forwards for a {@link LatencyTable}: one layer alone at a given width (a 3×3 conv + ReLU,
 * followed for a Ghost block by its depthwise 3×3 + ReLU), and the whole network; the median of
 * {@code repeats} runs after one warm-up. Inputs are constant arrays (the values do not change the time).
 */
final class LatencyProbe {
  private static final Shape ONE = new Shape(1, 1);
  private final NDManager manager;
  private final int repeats;

  LatencyProbe(NDManager manager, int repeats) {
    this.manager = manager;
    this.repeats = repeats;
  }

  /** Median milliseconds of one layer with {@code in} input channels and {@code out} units at h × w. */
  double layerMs(int in, int out, long h, long w, boolean ghost) {
    return medianMs(run -> {
      NDArray x = run.full(new Shape(1, in, h, w), 0.5f);
      NDArray weight = run.full(new Shape(out, in, 3, 3), 0.01f);
      NDArray bias = run.zeros(new Shape(out));
      NDArray depthwise = run.full(new Shape(out, 1, 3, 3), 0.1f);
      return () -> {
        NDArray y = Activation.relu(Conv2d.conv2d(x, weight, bias, ONE, ONE, ONE, 1).singletonOrThrow());
        if (ghost) {
          y = Activation.relu(Conv2d.conv2d(y, depthwise, bias, ONE, ONE, ONE, out).singletonOrThrow());
        }
      };
    });
  }

  /** Median milliseconds of the whole network's inference under {@code mask} on one size × size input. */
  double networkMs(Denoiser model, Mask mask, int size) {
    return medianMs(run -> {
      NDArray x = run.full(new Shape(1, model.spec().color().channels(), size, size), 0.5f);
      return () -> model.denoiseFolded(x, mask, run);
    });
  }

  /** Median over {@code repeats} timed runs (after one warm-up) of the body {@code setup} makes in a fresh manager. */
  private double medianMs(Function<NDManager, Runnable> setup) {
    double[] t = new double[repeats];
    for (int r = -1; r < repeats; r++) {
      try (NDManager run = manager.newSubManager()) {
        Runnable body = setup.apply(run);
        long t0 = System.nanoTime();
        body.run();
        if (r >= 0) {
          t[r] = (System.nanoTime() - t0) / 1e6;
        }
      }
    }
    Arrays.sort(t);
    return repeats % 2 == 1 ? t[repeats / 2] : (t[repeats / 2 - 1] + t[repeats / 2]) / 2;
  }
}
