package io.qprune.formulation.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import java.util.ArrayList;
import java.util.List;

/**
 * Fast repeated scoring of masks on one fixed batch of equal-sized crops: the inputs are prepared
 * once as one batch, and each mask costs one batched inference pass with the batch norms and the
 * mask folded into the conv weights ({@link Denoiser#denoiseFolded}). The model's own mask is left
 * untouched. Not thread-safe; close it to free the prepared batch.
 */
public final class MaskEvaluator implements AutoCloseable {
  private final Denoiser model;
  private final NDManager arrays;
  private final NDArray noisy;
  private final NDArray clean;
  private final int crops;
  private final double noisyPsnr;

  /** Prepares {@code pairs} (all the same size, a multiple of the model's) as one batch. */
  public MaskEvaluator(Denoiser model, List<NoisyPair> pairs) {
    if (pairs.isEmpty()) {
      throw new InvalidInputException("The mask evaluator needs at least one crop");
    }
    int ch = model.spec().color().channels();
    int h = pairs.get(0).clean().height();
    int w = pairs.get(0).clean().width();
    int mult = model.spec().sizeMultiple();
    if (h % mult != 0 || w % mult != 0) {
      throw new InvalidInputException(
          "Crops are " + h + "x" + w + " but must be multiples of " + mult + " for this model");
    }
    float[] n = NoisyPair.stack(pairs, NoisyPair::noisy, "Crop", ch);
    float[] c = NoisyPair.stack(pairs, NoisyPair::clean, "Crop", ch);
    this.model = model;
    this.crops = pairs.size();
    this.arrays = model.manager().newSubManager();
    Shape shape = new Shape(crops, ch, h, w);
    this.noisy = arrays.create(n, shape).div(255f);
    this.clean = arrays.create(c, shape);
    double s = 0;
    for (NoisyPair p : pairs) {
      s += Psnr.of(p.clean(), p.noisy());
    }
    this.noisyPsnr = s / crops;
  }

  /** Number of crops in the batch. */
  public int crops() {
    return crops;
  }

  /** Mean PSNR of the noisy crops as the model sees them (unclipped): the no-op baseline. */
  public double noisyPsnr() {
    return noisyPsnr;
  }

  /** Mean PSNR over the crops of the model pruned by {@code mask}. */
  public double psnr(Mask mask) {
    double sum = 0;
    for (double p : psnrPerCrop(mask)) {
      sum += p;
    }
    return sum / crops;
  }

  /** PSNR of each crop under {@code mask}, in batch order. */
  public double[] psnrPerCrop(Mask mask) {
    try (NDManager step = arrays.newSubManager()) {
      // results land in their first operand's manager: borrow the input so they die with `step`
      noisy.tempAttach(step);
      // batch norm and mask folded into the conv weights (made in `step`): one pass per conv
      NDArray out = model.denoiseFolded(noisy, mask, step).mul(255f).clip(0f, 255f);
      float[] mse = out.sub(clean).square().reshape(crops, -1).mean(new int[] {1}).toFloatArray();
      double[] psnr = new double[mse.length];
      for (int i = 0; i < mse.length; i++) {
        psnr[i] = Psnr.fromMse(mse[i]);
      }
      return psnr;
    }
  }

  /** Mean PSNR of each mask, in order. */
  public List<Double> psnr(List<Mask> masks) {
    List<Double> out = new ArrayList<>(masks.size());
    for (Mask m : masks) {
      out.add(psnr(m));
    }
    return out;
  }

  @Override
  public void close() {
    arrays.close();
  }
}
