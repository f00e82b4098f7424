package io.qprune.formulation.train;

import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.Image;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.PatchSampler;
import io.qprune.formulation.data.Photo;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.model.Denoiser;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A short fine-tune of a pruned network with its mask fixed: Adam on seeded noisy patches of the
 * shipped training photos, the learning rate decaying by cosine from {@code lr} to lr / 10.
 * Pruned units stay pruned (their outputs are multiplied by 0, so they get no gradient).
 */
public final class FineTune {
  private FineTune() {}

  /** Runs {@code steps} steps on {@code model} under its current mask; returns the last loss. */
  public static double run(Denoiser model, int steps, double lr, int batch, int patch, Noise noise,
      long seed) {
    if (steps < 1 || batch < 1 || !(lr > 0)) {
      throw new InvalidInputException("Fine-tuning needs steps, batch >= 1 and lr > 0, got "
          + steps + ", " + batch + ", " + lr);
    }
    List<Image> train = ShippedPhotos.load(Split.TRAIN, model.spec().color()).stream()
        .map(Photo::image).toList();
    PatchSampler sampler = PatchSampler.synthetic(train, noise, patch);
    AdamState adam = new AdamState(model.network(), model.manager());
    double loss = Double.NaN;
    for (int s = 0; s < steps; s++) {
      double rate = lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * s / steps)));
      SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s * 0xBF58476D1CE4E5B9L + 7);
      loss = Training.trainStep(model, adam, sampler.sample(batch, rng), rate);
    }
    return loss;
  }
}
