package io.qprune.formulation.eval;

import io.qprune.api.InvalidInputException;
import io.qprune.api.QpruneException;
import io.qprune.api.cluster.BatchEvaluator;
import io.qprune.api.cluster.EvaluatorRecipe;
import io.qprune.formulation.data.FixedCrops;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link MaskEvaluator} any JVM can rebuild identically: the model (its file's bytes, or the
 * shipped default), the fixed validation crops (count, size, σ, seed) and PyTorch's thread count.
 * Candidates are whole masks (0/1 per unit), or, {@link #within} a sub-problem, the values of its
 * free units with the rest fixed at its start; each candidate's row is {@code {validation PSNR}}.
 */
public final class ValidationRecipe implements EvaluatorRecipe {
  private static final long serialVersionUID = 1L;
  private final byte[] model; // null: the shipped default
  private final int crops;
  private final int cropSize;
  private final double sigma;
  private final long seed;
  private final int threads;
  private final int[] startBits; // null: candidates are whole masks
  private final int[] freeUnits;
  private final String id;

  private ValidationRecipe(byte[] model, int crops, int cropSize, double sigma, long seed, int threads,
      int[] startBits, int[] freeUnits) {
    this.model = model;
    this.crops = crops;
    this.cropSize = cropSize;
    this.sigma = sigma;
    this.seed = seed;
    this.threads = threads;
    this.startBits = startBits;
    this.freeUnits = freeUnits;
    this.id = digest();
  }

  /**
   * The recipe for {@code modelRef} ({@code default} or a model file, read now), {@code crops}
   * validation crops of {@code cropSize} pixels with Gaussian noise σ seeded by {@code seed}.
   */
  public static ValidationRecipe of(String modelRef, int crops, int cropSize, double sigma, long seed,
      int threads) {
    byte[] bytes = null;
    if (!"default".equals(modelRef)) {
      try {
        bytes = Files.readAllBytes(Path.of(modelRef));
      } catch (IOException e) {
        throw new InvalidInputException("Cannot read model " + modelRef + " to send to the cluster: " + e, e);
      }
    }
    return new ValidationRecipe(bytes, crops, cropSize, sigma, seed, threads, null, null);
  }

  /** The same evaluator, scoring the free units' values of masks that equal {@code start} elsewhere. */
  public ValidationRecipe within(Mask start, int[] freeUnits) {
    return new ValidationRecipe(model, crops, cropSize, sigma, seed, threads, start.toBits(), freeUnits.clone());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public BatchEvaluator build() {
    Torch.configure(threads);
    Denoiser net;
    try {
      net = model == null ? ModelFile.loadDefault() : ModelFile.read(new ByteArrayInputStream(model), "model");
    } catch (IOException e) {
      throw new QpruneException("Cannot rebuild the model of recipe " + id + ": " + e.getMessage(), e);
    }
    List<NoisyPair> pairs = FixedCrops.of(ShippedPhotos.load(Split.VAL, net.spec().color()), crops, cropSize,
        new GaussianNoise(sigma), seed);
    MaskEvaluator val = new MaskEvaluator(net, pairs);
    return new BatchEvaluator() {
      @Override
      public double[][] evaluate(List<int[]> candidates) {
        double[][] out = new double[candidates.size()][];
        for (int i = 0; i < out.length; i++) {
          out[i] = new double[] {val.psnr(mask(candidates.get(i)))};
        }
        return out;
      }

      @Override
      public void close() {
        val.close();
        net.close();
      }
    };
  }

  private Mask mask(int[] candidate) {
    if (startBits == null) {
      return Mask.ofBits(candidate);
    }
    if (candidate.length != freeUnits.length) {
      throw new InvalidInputException("A candidate has " + candidate.length + " values; this sub-problem has "
          + freeUnits.length + " free units");
    }
    int[] bits = startBits.clone();
    for (int i = 0; i < freeUnits.length; i++) {
      bits[freeUnits[i]] = candidate[i];
    }
    return Mask.ofBits(bits);
  }

  private String digest() {
    return EvaluatorRecipe.digest("validation",
        model == null ? "default".getBytes(StandardCharsets.UTF_8) : model,
        ByteBuffer.allocate(36).putInt(crops).putInt(cropSize).putDouble(sigma).putLong(seed).putInt(threads)
            .array(),
        Arrays.toString(startBits).getBytes(StandardCharsets.UTF_8),
        Arrays.toString(freeUnits).getBytes(StandardCharsets.UTF_8));
  }
}
