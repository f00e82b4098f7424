package io.qprune.formulation.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.PoissonGaussianNoise;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Everything a training run depends on, read from a JSON file whose fields override the defaults
 * (an unknown field is an error). {@code images} is {@code shipped} (the shipped train split) or
 * a folder of clean photos; validation always uses the shipped val split's fixed crops.
 */
public record TrainConfig(
    String architecture,
    Integer channels,
    Integer depth,
    String color,
    String noise,
    Double sigma,
    Double gain,
    Double readSigma,
    String images,
    Integer patch,
    Integer batch,
    Integer steps,
    Double lr,
    Double lrMin,
    String schedule,
    Integer stepEvery,
    Double stepGamma,
    Long seed,
    Integer threads,
    Integer checkpointEvery,
    Integer validateEvery,
    Integer valCrops,
    Integer valCropSize) {

  private static final ObjectMapper JSON = JsonConfigs.JSON;

  /** The defaults: the configuration that trained the shipped model. */
  public static TrainConfig defaults() {
    return new TrainConfig("half-unet", 32, 5, "grey", "gaussian", 25.0, 1.0, 0.0, "shipped",
        64, 16, 10000, 2e-3, 1e-5, "cosine", 5000, 0.5, 1L, 2, 250, 1000, 16, 128);
  }

  /** Reads a config file over the defaults. */
  public static TrainConfig load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Config file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read config " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses config JSON over the defaults; {@code name} is used in error messages. */
  public static TrainConfig parse(String json, String name) {
    TrainConfig c = JsonConfigs.merge(defaults(), json, name, TrainConfig.class);
    c.validate(name);
    return c;
  }

  private void validate(String name) {
    spec();
    noiseModel();
    positive(name, "patch", patch);
    positive(name, "batch", batch);
    positive(name, "steps", steps);
    positive(name, "checkpointEvery", checkpointEvery);
    positive(name, "validateEvery", validateEvery);
    positive(name, "valCrops", valCrops);
    positive(name, "valCropSize", valCropSize);
    positive(name, "stepEvery", stepEvery);
    if (!(lr > 0) || !(lrMin >= 0) || lrMin > lr) {
      throw new InvalidInputException(
          name + ": need lr > 0 and 0 <= lrMin <= lr, got lr " + lr + ", lrMin " + lrMin);
    }
    LrSchedule.of(this);
    if (patch % spec().sizeMultiple() != 0 || valCropSize % spec().sizeMultiple() != 0) {
      throw new InvalidInputException(name + ": patch and valCropSize must be multiples of "
          + spec().sizeMultiple() + " for this network, got " + patch + " and " + valCropSize);
    }
  }

  private static void positive(String name, String field, Integer v) {
    if (v == null || v < 1) {
      throw new InvalidInputException(name + ": '" + field + "' must be >= 1, got " + v);
    }
  }

  /** This config with another thread count (threads do not change results, only speed). */
  public TrainConfig withThreads(int n) {
    ObjectNode node = JSON.valueToTree(this);
    node.put("threads", n);
    return parse(node.toString(), "--threads");
  }

  /** The network this config trains. */
  public ModelSpec spec() {
    return new ModelSpec(Architecture.parse(architecture), channels, depth, ColorMode.parse(color));
  }

  /** The synthetic noise model of this config. */
  public Noise noiseModel() {
    switch (noise.toLowerCase(Locale.ROOT)) {
      case "gaussian":
        return new GaussianNoise(sigma);
      case "poisson-gaussian":
        return new PoissonGaussianNoise(gain, readSigma);
      default:
        throw new InvalidInputException(
            "Unknown noise '" + noise + "'. Maybe use gaussian or poisson-gaussian.");
    }
  }

  /** This config as pretty JSON. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
