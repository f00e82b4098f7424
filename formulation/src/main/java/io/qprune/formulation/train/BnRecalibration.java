package io.qprune.formulation.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.PatchBatch;
import io.qprune.formulation.data.PatchSampler;
import io.qprune.formulation.data.Photo;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.classify.LabelledImages;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.Denoiser;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Re-estimates the batch-norm running statistics of a pruned network under its mask, from
 * forward passes over seeded noisy training patches: no weight changes, no gradients. Removing
 * units shifts the inputs of later layers, so statistics measured on the full network no longer
 * fit; this is the cheapest repair and applies the same to every method.
 */
public final class BnRecalibration {
  private BnRecalibration() {}

  /**
   * A classifier under its channel mask: {@code batches} forward passes in training mode over
   * seeded random batches of {@code train} (BN momentum 0.1 per pass).
   */
  public static void run(Classifier model, LabelledImages train, int batches, int batchSize, long seed) {
    if (batches < 1 || batchSize < 2) {
      throw new InvalidInputException("BN recalibration needs batches >= 1 and batch size >= 2,"
          + " got " + batches + " and " + batchSize);
    }
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 13);
    for (int b = 0; b < batches; b++) {
      int[] idx = r.ints(Math.min(batchSize, train.count()), 0, train.count()).toArray();
      LabelledImages batch = train.select(idx, "bn batch");
      try (NDManager sub = model.manager().newSubManager()) {
        model.logits(model.inputs(batch, 0, batch.count(), sub), true);
      }
    }
  }

  /** Runs {@code batches} forward passes in training mode (BN momentum 0.1 per pass). */
  public static void run(Denoiser model, int batches, int batchSize, int patch, Noise noise,
      long seed) {
    if (batches < 1 || batchSize < 2) {
      throw new InvalidInputException("BN recalibration needs batches >= 1 and batch size >= 2,"
          + " got " + batches + " and " + batchSize);
    }
    List<Image> train = ShippedPhotos.load(Split.TRAIN, model.spec().color()).stream()
        .map(Photo::image).toList();
    PatchSampler sampler = PatchSampler.synthetic(train, noise, patch);
    for (int b = 0; b < batches; b++) {
      PatchBatch pb = sampler.sample(batchSize,
          new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b * 0xD1B54A32D192ED03L + 11));
      try (NDManager sub = model.manager().newSubManager()) {
        NDArray x = sub.create(pb.noisy(), new Shape(pb.count(), pb.channels(), patch, patch))
            .div(255f);
        model.denoise(x, true);
      }
    }
  }
}
