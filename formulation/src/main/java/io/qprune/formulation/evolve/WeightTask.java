package io.qprune.formulation.evolve;

import io.qprune.formulation.model.WeightLayer;
import java.util.List;

/**
 * A network and its data as the evolutionary pruning sees them: prunable weight layers, weight
 * importance, and the task error of a weight mask — on the search (validation) data, batched, and
 * on the held-out test data for reporting. Owns native memory: close it when done.
 */
public interface WeightTask extends AutoCloseable {
  /** What is pruned, for reports ("ResNet-20 on Fashion-MNIST"). */
  String describe();

  /** The prunable weight layers in the network's global weight order. */
  List<WeightLayer> layers();

  /** The importance of each weight of layer {@code i} (|w|): higher is more important. */
  float[] importance(int layer);

  /**
   * Whether importance values of different layers are on one scale (a loss estimate such as OBD
   * saliency) rather than per-layer only (|w|): decides whether global thresholds seed Phase 1 and
   * whether Phase 2 compares raw or layer-normalised importance.
   */
  default boolean comparableAcrossLayers() {
    return false;
  }

  /** The search objective f2 (lower is better) of each mask on the validation data, in order. */
  double[] errors(List<WeightMask> masks);

  /** f2 of {@code mask} on the test data. */
  double testError(WeightMask mask);

  /** The hypervolume reference value of f2: no worse than a useless network (e.g. guessing). */
  double errorReference();

  /** How much worse than the best Phase-1 error the light anchor may be, by default (f2 units). */
  double defaultTolerance();

  /** How f2 reads, e.g. "error (1 − accuracy)" or "−PSNR (dB)". */
  String errorName();

  /** f2 as people quote it, e.g. accuracy in % or PSNR in dB. */
  double metric(double error);

  /** The quoted metric's name, e.g. "accuracy (%)" or "PSNR (dB)". */
  String metricName();

  @Override
  void close();
}
