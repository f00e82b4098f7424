package io.qprune.formulation.train;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.qprune.api.InvalidInputException;
import io.qprune.api.config.ConfigFile;
import io.qprune.api.config.ConfigValues;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.PoissonGaussianNoise;
import io.qprune.formulation.model.Architecture;
import io.qprune.formulation.model.ModelSpec;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Everything a training run depends on, read from a JSON (or YAML) file whose keys override the
 * defaults, through {@link ConfigFile}: snake_case keys ({@code val_crops}; the camelCase spellings
 * of earlier configs, {@code valCrops}, still read); an unknown key or a wrong type is an error.
 * {@code images} is {@code shipped} (the shipped train split) or a folder of clean photos;
 * validation always uses the shipped val split's fixed crops.
 */
public record TrainConfig(
    String architecture,
    Integer channels,
    Integer depth,
    String color,
    String noise,
    Double sigma,
    Double gain,
    @JsonAlias("readSigma") Double readSigma,
    String images,
    Integer patch,
    Integer batch,
    Integer steps,
    Double lr,
    @JsonAlias("lrMin") Double lrMin,
    String schedule,
    @JsonAlias("stepEvery") Integer stepEvery,
    @JsonAlias("stepGamma") Double stepGamma,
    Long seed,
    Integer threads,
    @JsonAlias("checkpointEvery") Integer checkpointEvery,
    @JsonAlias("validateEvery") Integer validateEvery,
    @JsonAlias("valCrops") Integer valCrops,
    @JsonAlias("valCropSize") Integer valCropSize) {

  /** The defaults: the configuration that trained the shipped model. */
  public static TrainConfig defaults() {
    return new TrainConfig("half-unet", 32, 5, "grey", "gaussian", 25.0, 1.0, 0.0, "shipped",
        64, 16, 10000, 2e-3, 1e-5, "cosine", 5000, 0.5, 1L, 2, 250, 1000, 16, 128);
  }

  /** Reads a config file (JSON, or YAML unless the name ends in .json) over the defaults. */
  public static TrainConfig load(Path file) {
    return from(ConfigFile.read(file));
  }

  /** Parses config text over the defaults; {@code name} (its extension picks JSON or YAML) goes into errors. */
  public static TrainConfig parse(String text, String name) {
    return from(ConfigFile.parse(name, text));
  }

  /** A parsed config file over the defaults. */
  public static TrainConfig from(ConfigFile file) {
    TrainConfig c = file.bind(TrainConfig.class, defaults());
    c.validate(file.name());
    return c;
  }

  private void validate(String name) {
    spec();
    noiseModel();
    positive(name, "patch", patch);
    positive(name, "batch", batch);
    positive(name, "steps", steps);
    positive(name, "checkpoint_every", checkpointEvery);
    positive(name, "validate_every", validateEvery);
    positive(name, "val_crops", valCrops);
    positive(name, "val_crop_size", valCropSize);
    positive(name, "step_every", stepEvery);
    if (!(lr > 0) || !(lrMin >= 0) || lrMin > lr) {
      throw new InvalidInputException(
          name + ": need lr > 0 and 0 <= lr_min <= lr, got lr " + lr + ", lr_min " + lrMin);
    }
    LrSchedule.of(this);
    if (patch % spec().sizeMultiple() != 0 || valCropSize % spec().sizeMultiple() != 0) {
      throw new InvalidInputException(name + ": patch and val_crop_size must be multiples of "
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
    TrainConfig c = ConfigValues.with(this, TrainConfig.class, "threads", n, defaults());
    c.validate("--threads");
    return c;
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

  /** This config as pretty JSON with its config keys. */
  public String toJson() {
    return ConfigValues.tree(this).toPrettyString();
  }

  /**
   * What a checkpoint records of the config it was written for, in the form checkpoints have always
   * used (camelCase keys), so that runs checkpointed before the keys became snake_case still resume.
   */
  String checkpointJson() {
    return JsonConfigs.checkpointJson(this);
  }
}
