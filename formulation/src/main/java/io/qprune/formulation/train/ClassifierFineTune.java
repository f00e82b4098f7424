package io.qprune.formulation.train;

import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.model.Classifier;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A short fine-tune of a weight-pruned classifier: AdamW with cosine decay on the training split,
 * the same augmentation as training, and the mask re-applied after every step so pruned weights
 * stay zero. Seeded: the same inputs give the same weights.
 */
public final class ClassifierFineTune {
  private ClassifierFineTune() {}

  /**
   * Fine-tunes {@code model} in place for {@code steps} batches; returns the mean loss of the last 20
   * steps. {@code masks} may be null (a filter-pruned model: its channel mask, applied in every
   * forward pass, keeps the pruned channels at zero).
   */
  public static double run(Classifier model, List<float[]> masks, LabelledImages train, int steps, double lr,
      long seed, TrainListener listener) {
    ClassifierTrainConfig cfg = ClassifierTrainConfig.defaults();
    if (masks != null) {
      model.multiplyWeights(masks);
    }
    AdamState adam = new AdamState(model.network(), model.manager());
    int per = (train.count() + cfg.batch() - 1) / cfg.batch();
    int[] order = null;
    int epoch = -1;
    double tail = 0;
    int tailCount = 0;
    listener.started(0, steps);
    for (int step = 0; step < steps; step++) {
      if (step / per != epoch) {
        epoch = step / per;
        order = ClassifierTraining.permutation(train.count(), new SplittableRandom(seed * 131 + epoch));
      }
      int from = (step % per) * cfg.batch();
      int[] idx = Arrays.copyOfRange(order, from, Math.min(train.count(), from + cfg.batch()));
      double rate = lr * 0.5 * (1 + Math.cos(Math.PI * step / steps));
      LabelledImages batch = ClassifierTraining.augment(train.select(idx, "batch"), cfg, (int) (seed * 7919 + step));
      double loss = ClassifierTraining.trainStep(model, adam, batch, rate, cfg.weightDecay());
      if (masks != null) {
        model.multiplyWeights(masks);
      }
      listener.stepped(step, loss, rate);
      if (step >= steps - 20) {
        tail += loss;
        tailCount++;
      }
    }
    return tailCount == 0 ? Double.NaN : tail / tailCount;
  }
}
