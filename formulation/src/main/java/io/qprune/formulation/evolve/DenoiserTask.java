package io.qprune.formulation.evolve;

import io.qprune.api.QpruneException;
import io.qprune.formulation.data.FixedCrops;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.prune.EvalPhotos;
import io.qprune.formulation.eval.Evaluation;
import io.qprune.formulation.eval.MaskEvaluator;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.WeightLayer;
import java.util.List;

/**
 * Weight pruning of a denoiser: f2 = −PSNR (dB) on the fixed validation crops the TT refinement
 * uses; test error = −PSNR on the whole test photos (as {@code qprune eval} and the QUBO method
 * report it). The masked weights are multiplied into the model for each evaluation and restored.
 */
public final class DenoiserTask implements WeightTask {
  private final Denoiser model;
  private final MaskEvaluator val;
  private final List<NoisyPair> test;
  private final String name;

  /** Takes ownership of {@code model}; crops and photos are noised by {@code noise} with {@code seed}. */
  public DenoiserTask(Denoiser model, Noise noise, long seed, int crops, int cropSize, String name) {
    this.model = model;
    this.val = new MaskEvaluator(model,
        FixedCrops.of(ShippedPhotos.load(Split.VAL, model.spec().color()), crops, cropSize, noise, seed));
    this.test = EvalPhotos.of(Split.TEST, model.spec().color(), noise, seed);
    this.name = name;
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public List<WeightLayer> layers() {
    return model.network().weightLayers();
  }

  @Override
  public float[] importance(int layer) {
    float[] w = model.network().weights(layer);
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.abs(w[i]);
    }
    return w;
  }

  @Override
  public double[] errors(List<WeightMask> masks) {
    double[] out = new double[masks.size()];
    Mask all = Mask.all(model.units().size());
    for (int i = 0; i < out.length; i++) {
      try (AutoCloseable restore = model.network().pruneWeights(masks.get(i).arrays())) {
        out[i] = -val.psnr(all);
      } catch (Exception e) {
        throw new QpruneException("Cannot restore the weights after an evaluation: " + e.getMessage(), e);
      }
    }
    return out;
  }

  @Override
  public double testError(WeightMask mask) {
    try (AutoCloseable restore = model.network().pruneWeights(mask.arrays())) {
      return -Evaluation.run(model, test).psnr();
    } catch (QpruneException e) {
      throw e;
    } catch (Exception e) {
      throw new QpruneException("Cannot restore the weights after an evaluation: " + e.getMessage(), e);
    }
  }

  @Override
  public double errorReference() {
    return -val.noisyPsnr();
  }

  @Override
  public double defaultTolerance() {
    return 0.25;
  }

  @Override
  public String errorName() {
    return "-PSNR (dB) on the validation crops";
  }

  @Override
  public double metric(double error) {
    return -error;
  }

  @Override
  public String metricName() {
    return "PSNR (dB)";
  }

  @Override
  public void close() {
    val.close();
    model.close();
  }
}
